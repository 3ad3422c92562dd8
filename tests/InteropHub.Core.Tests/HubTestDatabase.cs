using InteropHub.Contracts.Tenancy;
using System.Data.Common;
using InteropHub.Core.Persistence;
using InteropHub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace InteropHub.Core.Tests;

/// <summary>
/// A hub database (a SQLite file in its own temporary folder, or a PostgreSQL database of the test cluster), wired
/// through <see cref="HubCoreServiceCollectionExtensions.AddHubCore"/> with a fake clock, migrated, and deleted on dispose.
/// </summary>
internal sealed class HubTestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // Migrated once per test process; each test's database is a copy of it (much faster than migrating each).
    private static readonly Lazy<Task<string>> PostgreSqlTemplate = new(MigratedTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ServiceProvider _services;
    private readonly string? _postgreSql;

    private HubTestDatabase(string contentRoot, ServiceProvider services, FakeTimeProvider time, string? postgreSql)
    {
        ContentRoot = contentRoot;
        _services = services;
        Time = time;
        _postgreSql = postgreSql;
    }

    public HubDatabaseProvider Provider => _postgreSql is null ? HubDatabaseProvider.Sqlite : HubDatabaseProvider.PostgreSql;

    /// <summary>The settings that point another hub at this database (none for SQLite: the default file under the content root).</summary>
    public IConfiguration DatabaseConfiguration => new ConfigurationBuilder().AddInMemoryCollection(DatabaseSettings(_postgreSql)).Build();

    /// <summary>Closes every pooled connection to this database, as a restarted process would start without them.</summary>
    public void ClearPools()
    {
        if (_postgreSql is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        using var pooled = new NpgsqlConnection(_postgreSql);
        NpgsqlConnection.ClearPool(pooled);
    }

    public string ContentRoot { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    /// <summary>The default connection string (<c>data/interophub.db</c>) resolved against the content root.</summary>
    public string FilePath => Path.Combine(ContentRoot, "data", "interophub.db");

    public static async Task<HubTestDatabase> CreateAsync(
        IReadOnlyList<TenantSettings>? tenants = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        HubDatabaseProvider provider = HubDatabaseProvider.Sqlite)
    {
        var contentRoot = NewTempFolder();
        var postgreSql = provider == HubDatabaseProvider.PostgreSql
            ? await PostgresCluster.CreateDatabaseAsync(await PostgreSqlTemplate.Value, TestContext.Current.CancellationToken)
            : null;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Audit:Key:File"] = WriteAuditKey(contentRoot) })
            .AddInMemoryCollection(DatabaseSettings(postgreSql))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddHubCore(configuration, contentRoot, tenants ?? TestTenants.Both);
        var serviceProvider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var created = new HubTestDatabase(contentRoot, serviceProvider, time, postgreSql);
        await HubDatabase.InitializeAsync(serviceProvider, TestContext.Current.CancellationToken);
        return created;
    }

    private static Dictionary<string, string?> DatabaseSettings(string? postgreSql) => postgreSql is null
        ? []
        : new() { ["Hub:Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Hub"] = postgreSql };

    private static async Task<string> MigratedTemplateAsync()
    {
        var template = await PostgresCluster.CreateDatabaseAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(DatabaseSettings(template)).Build();
        await using (var services = new ServiceCollection().AddHubCore(configuration, Path.GetTempPath(), []).BuildServiceProvider())
        {
            await HubDatabase.InitializeAsync(services, CancellationToken.None);
        }

        // A template with a connection open cannot be copied.
        await using (var pooled = new NpgsqlConnection(template))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        return PostgresCluster.DatabaseOf(template);
    }

    /// <summary>The audit key file every test database gets (a random secret in its folder); settings may name another.</summary>
    public string AuditKeyPath => Path.Combine(ContentRoot, "audit.key");

    private static string WriteAuditKey(string contentRoot)
    {
        var path = Path.Combine(contentRoot, "audit.key");
        File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        return path;
    }

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "interophub-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public HubDbContext CreateDbContext() => Get<IDbContextFactory<HubDbContext>>().CreateDbContext();

    /// <summary>Runs SQL straight on the database, as someone with write access to it could.</summary>
    public async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = OpenConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = OpenConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Sets the number the next audit record gets, as someone hiding deleted records would.</summary>
    public Task RestartAuditSequenceAsync(long next) =>
        ExecuteSqlAsync($"""UPDATE "Sequences" SET "Value" = {next - 1} WHERE "Tenant" = '*' AND "Name" = 'audit.chain';""");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_postgreSql is not null)
        {
            await PostgresCluster.DropDatabaseAsync(_postgreSql);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        Directory.Delete(ContentRoot, recursive: true);
    }

    private DbConnection OpenConnection() =>
        _postgreSql is null ? new SqliteConnection($"Data Source={FilePath}") : new NpgsqlConnection(_postgreSql);
}
