using InteropHub.Host;
using InteropHub.Host.Cli;
using InteropHub.Host.Configuration;
using InteropHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace InteropHub.IntegrationTests.Platform;

/// <summary>Configurations the hub must refuse to start with, and how it says so.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "interophub-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Sandbox_mode_refuses_a_non_loopback_adapter_address_naming_the_setting()
    {
        var args = HostArguments.For(_directory, new Dictionary<string, string?>
        {
            ["Adapters:PagoPa:GpdUrl"] = "https://api.platform.pagopa.it/gpd/debt-positions-service/v1",
        });
        var failure = Assert.Throws<HubStartupException>(() => HubApplication.Build(args));
        Assert.Contains(failure.Problems, p => p.StartsWith("Adapters:PagoPa:GpdUrl = https://api.platform.pagopa.it", StringComparison.Ordinal));
        Assert.Contains("not loopback", failure.Summary);
    }

    [Fact]
    public async Task An_enabled_adapter_with_invalid_options_stops_the_start_naming_each_setting()
    {
        var args = HostArguments.For(_directory, TestTenants.With(("Adapters:PagoPa:Enabled", "true"), ("Adapters:PagoPa:GpdUrl", "not a url")));
        await using var app = HubApplication.Build(args);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Adapters:PagoPa:GpdReceiptsUrl is required.", failure.Failures);
        Assert.Contains(failure.Failures, f => f.StartsWith("Adapters:PagoPa:GpdUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_tenants_stop_the_start_naming_each_problem()
    {
        var args = HostArguments.For(_directory, TestTenants.With(("Hub:Tenants:0:FiscalCode", "80015010724")));
        var failure = Assert.Throws<HubStartupException>(() => HubApplication.Build(args));
        Assert.Contains(failure.Problems, p => p.Contains("Hub:Tenants:0:FiscalCode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_command_line_prints_the_refusal_and_exits_2()
    {
        var args = HostArguments.For(_directory, new Dictionary<string, string?>
        {
            ["Adapters:Anpr:EServices:C030:BaseUrl"] = "https://modipa.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND/C030/v1",
        });
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, await HubCommandLine.RunAsync(args));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("Adapters:Anpr:EServices:C030:BaseUrl", error.ToString());
        Assert.Contains("Hub:Sandbox:Enabled=false", error.ToString());
    }

    [Fact]
    public async Task An_unknown_database_provider_exits_2_naming_the_setting()
    {
        var (exitCode, error) = await RunCommandLineAsync([.. HostArguments.For(_directory, new Dictionary<string, string?>()), "--Hub:Database:Provider=Oracle"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Hub:Database:Provider is 'Oracle'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_PostgreSql_server_exits_2_naming_the_connection_string_without_its_password()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var (exitCode, error) = await RunCommandLineAsync(
        [
            .. HostArguments.For(_directory, new Dictionary<string, string?>()),
            "--Hub:Database:Provider=PostgreSQL",
            $"--ConnectionStrings:Hub=Host=127.0.0.1;Port={closedPort};Database=hub;Username=hub;Password=s3cret-pw",
        ]);

        Assert.Equal(2, exitCode);
        Assert.Contains($"ConnectionStrings:Hub (host 127.0.0.1:{closedPort}, database hub) cannot be used", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Error)> RunCommandLineAsync(string[] args)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            return (await HubCommandLine.RunAsync(args), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
