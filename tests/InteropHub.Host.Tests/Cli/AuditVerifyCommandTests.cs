using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core;
using InteropHub.Core.Persistence;
using InteropHub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Host.Tests.Cli;

/// <summary><c>audit verify</c> as an operator runs it: a database that is not there, or holds no audit trail, is an error.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "interophub-host-tests", Guid.NewGuid().ToString("N"));

    public AuditVerifyCommandTests() => Directory.CreateDirectory(Path.Combine(_directory, "tenants"));

    private string DatabasePath => Path.Combine(_directory, "data", "hub.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_missing_database_named_by_the_connection_string_is_an_error_and_is_not_created()
    {
        var (exit, output, error) = await CommandLineRun.RunAsync(["audit", "verify", $"--ConnectionStrings:Hub=Data Source={DatabasePath}", .. HostSettings()]);

        Assert.Equal(1, exit);
        Assert.Contains($"No database at {DatabasePath}", error);
        Assert.DoesNotContain("intact", output);
        Assert.False(File.Exists(DatabasePath));
        Assert.False(Directory.Exists(Path.GetDirectoryName(DatabasePath)));
    }

    [Fact]
    public async Task A_missing_database_named_by_the_option_is_an_error_and_is_not_created()
    {
        var (exit, _, error) = await CommandLineRun.RunAsync(["audit", "verify", "--database", DatabasePath, .. HostSettings()]);

        Assert.Equal(1, exit);
        Assert.Contains($"No database at {DatabasePath}", error);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task An_empty_file_is_not_an_audit_trail()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllBytesAsync(DatabasePath, [], TestContext.Current.CancellationToken);

        var (exit, output, error) = await CommandLineRun.RunAsync(["audit", "verify", $"--ConnectionStrings:Hub=Data Source={DatabasePath}", .. HostSettings()]);

        Assert.Equal(1, exit);
        Assert.Contains("no audit trail", error);
        Assert.DoesNotContain("intact", output);
        Assert.Equal(0, new FileInfo(DatabasePath).Length);
    }

    [Fact]
    public async Task A_database_without_records_is_an_error()
    {
        await WriteTrailAsync(records: 0);

        var (exit, output, error) = await CommandLineRun.RunAsync(["audit", "verify", "--database", DatabasePath, .. HostSettings()]);

        Assert.Equal(1, exit);
        Assert.Contains("The audit trail is empty", error);
        Assert.DoesNotContain("intact", output);
    }

    [Fact]
    public async Task An_intact_checkpointed_trail_passes_saying_what_it_cannot_see_and_never_shows_the_key()
    {
        await WriteTrailAsync(records: 3);

        var (exit, output, error) = await CommandLineRun.RunAsync(["audit", "verify", "--database", DatabasePath, .. HostSettings()]);

        Assert.Equal(0, exit);
        Assert.Contains("Audit trail intact: 3 record(s)", output);
        Assert.Contains("Last checkpoint: record 3", output);
        Assert.Contains("Not detectable: a rewrite by someone who holds the audit key.", output);
        var key = await File.ReadAllTextAsync(KeyFile(), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(key, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_last_record_fails_the_verification()
    {
        await WriteTrailAsync(records: 3);
        await ExecuteAsync("DELETE FROM AuditRecords WHERE Sequence = 3;");

        var (exit, output, _) = await CommandLineRun.RunAsync(["audit", "verify", "--database", DatabasePath, .. HostSettings()]);

        Assert.Equal(1, exit);
        Assert.Contains("BROKEN at record 3 (truncated)", output);
    }

    [Fact]
    public async Task A_trail_no_checkpoint_covers_is_not_vouched_for()
    {
        await WriteTrailAsync(records: 2);
        var checkpoints = Path.Combine(_directory, "data", "hub.audit-checkpoints.jsonl");
        File.Move(checkpoints, checkpoints + ".moved");

        var (exit, output, _) = await CommandLineRun.RunAsync(["audit", "verify", "--database", DatabasePath, .. HostSettings()]);
        Assert.Equal(1, exit);
        Assert.Contains("NOT ANCHORED", output);

        var (moved, again, _) = await CommandLineRun.RunAsync(["audit", "verify", "--database", DatabasePath, "--checkpoints", checkpoints + ".moved", .. HostSettings()]);
        Assert.Equal(0, moved);
        Assert.Contains("intact: 2 record(s)", again);
    }

    [Fact]
    public async Task Without_a_key_outside_sandbox_mode_the_configuration_is_refused()
    {
        await WriteTrailAsync(records: 1);

        var (exit, _, error) = await CommandLineRun.RunAsync(["audit", "verify", "--database", DatabasePath, $"--Hub:TenantsFolder={Path.Combine(_directory, "tenants")}", "--Hub:Sandbox:Enabled=false"]);

        Assert.Equal(2, exit);
        Assert.Contains("Hub:Audit:Key is not set", error);
    }

    private async Task WriteTrailAsync(int records)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hub"] = $"Data Source={DatabasePath}",
            ["Hub:Audit:Key:File"] = KeyFile(),
        }).Build();
        await using (var services = new ServiceCollection().AddHubCore(configuration, _directory, []).BuildServiceProvider())
        {
            await HubDatabase.InitializeAsync(services, TestContext.Current.CancellationToken);
            for (var i = 0; i < records; i++)
            {
                await services.GetRequiredService<IAuditTrail>().AppendAsync(
                    new AuditEntry(TenantId.Parse("comune-a"), "op-1", "registry.profile.read", $"subject-{i}", "ok", "PROT-1", null),
                    TestContext.Current.CancellationToken);
            }
        }

        SqliteConnection.ClearAllPools();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private string[] HostSettings() => [$"--Hub:TenantsFolder={Path.Combine(_directory, "tenants")}", $"--Hub:Audit:Key:File={KeyFile()}"];

    private string KeyFile()
    {
        var path = Path.Combine(_directory, "audit.key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }

        return path;
    }

}

/// <summary>Tests that redirect the process-wide console run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
