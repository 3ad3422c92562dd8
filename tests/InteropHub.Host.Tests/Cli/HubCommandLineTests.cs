using InteropHub.Host.Cli;

namespace InteropHub.Host.Tests.Cli;

public sealed class HubCommandLineTests
{
    [Theory]
    [InlineData("apikey create --tenant demo-a --scopes admin,registry:read", "apikey", "create")]
    [InlineData("tenants list", "tenants", "list")]
    [InlineData("serve --urls http://127.0.0.1:6000", "serve", null)]
    public void Commands_parse_without_errors(string line, string command, string? subcommand)
    {
        var result = HubCommandLine.Build().Parse(line);
        Assert.Empty(result.Errors);
        var names = new List<string>();
        for (var c = result.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, c.Command.Name);
        }

        Assert.Equal(command, names[1]);
        if (subcommand is not null)
        {
            Assert.Equal(subcommand, names[2]);
        }
    }

    [Fact]
    public void Apikey_create_requires_tenant_and_scopes()
    {
        var result = HubCommandLine.Build().Parse("apikey create --tenant demo-a");
        Assert.Contains(result.Errors, e => e.Message.Contains("--scopes", StringComparison.Ordinal));
    }

    [Fact]
    public void Scopes_come_comma_separated_or_repeated_and_never_swallow_host_settings()
    {
        var result = HubCommandLine.Build().Parse(["apikey", "create", "--tenant", "demo-a", "--scopes", "admin,registry:read", "--scopes", "payments:read", "--Hub:TenantsFolder=/x"]);
        Assert.Empty(result.Errors);
        Assert.Equal(["admin,registry:read", "payments:read"], result.GetValue<string[]>("--scopes")!);
        Assert.Equal(["--Hub:TenantsFolder=/x"], result.UnmatchedTokens);
    }

    [Fact]
    public void Serve_passes_host_arguments_through()
    {
        var result = HubCommandLine.Build().Parse(["serve", "--urls", "http://127.0.0.1:6000", "--Hub:Sandbox:Enabled=true"]);
        Assert.Empty(result.Errors);
        Assert.Equal(["--urls", "http://127.0.0.1:6000", "--Hub:Sandbox:Enabled=true"], result.UnmatchedTokens);
    }
}
