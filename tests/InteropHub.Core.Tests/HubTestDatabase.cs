using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Core.Tests;

/// <summary>
/// A hub database in its own temporary folder, wired through <see cref="HubCoreServiceCollectionExtensions.AddHubCore"/>
/// with a fake clock, migrated, and deleted on dispose.
/// </summary>
internal sealed class HubTestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private HubTestDatabase(string contentRoot, ServiceProvider services, FakeTimeProvider time)
    {
        ContentRoot = contentRoot;
        _services = services;
        Time = time;
    }

    public string ContentRoot { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    /// <summary>The default connection string (<c>data/interophub.db</c>) resolved against the content root.</summary>
    public string FilePath => Path.Combine(ContentRoot, "data", "interophub.db");

    public static async Task<HubTestDatabase> CreateAsync(
        IReadOnlyList<TenantSettings>? tenants = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var contentRoot = NewTempFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Audit:Key:File"] = WriteAuditKey(contentRoot) })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddHubCore(configuration, contentRoot, tenants ?? TestTenants.Both);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var database = new HubTestDatabase(contentRoot, provider, time);
        await HubDatabase.InitializeAsync(provider, TestContext.Current.CancellationToken);
        return database;
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

    /// <summary>Runs SQL straight on the file, as someone with write access to it could.</summary>
    public async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(ContentRoot, recursive: true);
    }
}
