using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Reflection;
using InteropHub.Core.Persistence;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Testing;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace InteropHub.IntegrationTests.Platform;

/// <summary>The hub on an empty PostgreSQL database: its schema and the scheduler's are created at start.</summary>
public sealed class PostgreSqlHostTests(PostgreSqlHostTests.Fixture fixture) : IClassFixture<PostgreSqlHostTests.Fixture>
{
    [Fact]
    public async Task Ready_checks_the_PostgreSql_database_and_the_scheduler_on_it()
    {
        using var client = fixture.Hub.ClientWithKey(null);
        var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ready = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var checks = ready.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", Assert.Single(checks, c => c.Key.Contains("quartz", StringComparison.OrdinalIgnoreCase)).Value);
    }

    [Fact]
    public async Task Start_creates_the_hub_tables_and_the_scheduler_tables_and_applies_every_PostgreSql_migration()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN ('Events', 'AuditRecords', 'Sequences')),
                   (SELECT COUNT(*) FROM information_schema.tables WHERE lower(table_name) = 'qrtz_job_details'),
                   (SELECT string_agg("MigrationId", ',') FROM "__EFMigrationsHistory")
            """;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal(3L, reader.GetInt64(0));
        Assert.Equal(1L, reader.GetInt64(1));
        var migrations = typeof(HubDatabaseConnection).Assembly.GetTypes()
            .Where(t => t.Namespace == "InteropHub.Core.Persistence.Migrations.PostgreSql" && t.IsSubclassOf(typeof(Migration)))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.EndsWith("_PostgreSqlInitial", migrations[0], StringComparison.Ordinal);
        Assert.Equal(migrations, reader.GetString(2).Split(',').Order(StringComparer.Ordinal));
    }

    /// <summary>One hub per class on a new, empty database of the test cluster.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private HubFactory? _hub;

        public HubFactory Hub => _hub ?? throw new InvalidOperationException("The hub starts in InitializeAsync.");

        public string ConnectionString { get; private set; } = string.Empty;

        public async ValueTask InitializeAsync()
        {
            ConnectionString = await PostgresCluster.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
            var settings = TestTenants.Settings();
            settings["Hub:Database:Provider"] = "PostgreSQL";
            settings["ConnectionStrings:Hub"] = ConnectionString;
            _hub = new HubFactory(settings);
            _ = _hub.Server;
        }

        public async ValueTask DisposeAsync()
        {
            if (_hub is not null)
            {
                await _hub.DisposeAsync();
            }

            await PostgresCluster.DropDatabaseAsync(ConnectionString);
        }
    }
}
