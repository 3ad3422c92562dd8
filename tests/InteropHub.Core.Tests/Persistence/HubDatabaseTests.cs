using InteropHub.Contracts.Stores;
using InteropHub.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Core.Tests.Persistence;

public class HubDatabaseTests : HubDatabaseTest
{
    [Fact]
    public async Task Initialize_creates_the_data_folder_under_the_content_root_and_applies_every_migration()
    {
        Assert.True(File.Exists(Db.FilePath));
        await using var db = Db.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(Ct), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Initialize_again_on_an_existing_file_keeps_its_data_and_applies_nothing()
    {
        await Db.Get<ICheckpointStore>().SaveAsync("job:a", "42", null, Ct);

        await HubDatabase.InitializeAsync(Db.Services, Ct);

        await using var db = Db.CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal("42", (await Db.Get<ICheckpointStore>().GetAsync("job:a", Ct))?.Value);
    }

    [Fact]
    public async Task The_file_is_in_wal_mode()
    {
        Assert.Equal("wal", await Db.ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Every_connection_waits_for_a_busy_database_instead_of_failing()
    {
        await using var db = Db.CreateDbContext();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(5000L, await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public void The_model_has_no_change_missing_from_the_migrations()
    {
        using var db = Db.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Instants_are_stored_as_unix_milliseconds_so_queries_can_compare_them()
    {
        await Db.Get<ICheckpointStore>().SaveAsync("job:a", "1", null, Ct);

        Assert.Equal(HubTestDatabase.Start.ToUnixTimeMilliseconds(), await Db.ScalarAsync("SELECT UpdatedAt FROM JobCheckpoints;"));
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Postgres")]
    public void An_unsupported_provider_stops_the_start_naming_the_setting_and_the_supported_ones(string provider)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Database:Provider"] = provider })
            .Build();

        var error = Assert.Throws<HubDatabaseException>(() => new ServiceCollection().AddHubCore(configuration, Path.GetTempPath(), []));

        Assert.Contains($"Hub:Database:Provider is '{provider}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Sqlite' (the default) or 'PostgreSQL'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Data Source=data/interophub.db")]
    public void PostgreSql_without_a_server_connection_string_stops_the_start_naming_the_setting(string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Database:Provider"] = "postgresql", ["ConnectionStrings:Hub"] = connectionString })
            .Build();

        var error = Assert.Throws<HubDatabaseException>(() => new ServiceCollection().AddHubCore(configuration, Path.GetTempPath(), []));

        Assert.Contains("ConnectionStrings:Hub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_PostgreSql_server_is_a_named_configuration_error_without_the_password()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hub:Database:Provider"] = "PostgreSQL",
                ["ConnectionStrings:Hub"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=hub;Username=hub;Password=s3cret-pw;Timeout=5",
            })
            .Build();
        await using var services = new ServiceCollection().AddHubCore(configuration, Path.GetTempPath(), []).BuildServiceProvider();

        var error = await Assert.ThrowsAsync<HubDatabaseException>(() => HubDatabase.InitializeAsync(services, Ct));

        Assert.Contains("ConnectionStrings:Hub (host 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("database hub", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task An_explicit_connection_string_is_resolved_against_the_content_root()
    {
        var contentRoot = HubTestDatabase.NewTempFolder();
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Hub:Database:Provider"] = "Sqlite",
                    ["ConnectionStrings:Hub"] = "Data Source=state/custom.db",
                })
                .Build();
            await using (var services = new ServiceCollection().AddHubCore(configuration, contentRoot, []).BuildServiceProvider())
            {
                await HubDatabase.InitializeAsync(services, Ct);
            }

            SqliteConnection.ClearAllPools();
            Assert.True(File.Exists(Path.Combine(contentRoot, "state", "custom.db")));
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }
}
