using Microsoft.Extensions.Options;

namespace InteropHub.Host.Tests.Cli;

/// <summary>Outside sandbox mode the hub does not start without an audit key; sandbox mode makes its own.</summary>
public sealed class AuditKeyStartupTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "interophub-host-tests", Guid.NewGuid().ToString("N"));

    public AuditKeyStartupTests() => Directory.CreateDirectory(Path.Combine(_directory, "tenants"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Without_an_audit_key_the_hub_refuses_to_start_naming_the_setting()
    {
        await using var app = HubApplication.Build(Arguments("--Hub:Sandbox:Enabled=false"));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(failure.Failures, f => f.StartsWith("Hub:Audit:Key is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sandbox_mode_starts_without_configuration_keeping_its_key_outside_the_database()
    {
        await using (var app = HubApplication.Build(Arguments()))
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            await app.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(Path.Combine(_directory, "sandbox-keys", "audit.key")));
    }

    private string[] Arguments(params string[] extra) =>
    [
        $"--ConnectionStrings:Hub=Data Source={Path.Combine(_directory, "hub.db")}",
        $"--Hub:TenantsFolder={Path.Combine(_directory, "tenants")}",
        "--urls=http://127.0.0.1:0",
        .. extra,
    ];
}
