using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;

namespace InteropHub.Core.Persistence;

/// <summary>Which database the hub uses: one setting picks the provider, <c>ConnectionStrings:Hub</c> says where.</summary>
internal sealed record HubDatabaseSettings(string ConnectionString)
{
    public const string ProviderKey = "Hub:Database:Provider";
    public const string ConnectionStringName = "Hub";
    public const string SqliteProvider = "Sqlite";
    public const string DefaultConnectionString = "Data Source=data/interophub.db";

    /// <summary>Reads the settings; throws naming the setting when the provider is not supported.</summary>
    public static HubDatabaseSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration[ProviderKey];
        if (!string.IsNullOrWhiteSpace(provider) && !string.Equals(provider, SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is '{provider}', but only '{SqliteProvider}' is supported; PostgreSQL support lands in a later issue.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return new HubDatabaseSettings(ResolveSqlitePath(
            string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString,
            contentRoot));
    }

    public void Apply(DbContextOptionsBuilder options) =>
        options.UseSqlite(ConnectionString)
            .AddInterceptors(SqliteBusyTimeoutInterceptor.Instance)
            // Stores catch the unique violations they expect (dedup, idempotency claims); other failures surface as exceptions.
            .ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal)
            || builder.DataSource.Length == 0;
        if (!inMemory && !Path.IsPathRooted(builder.DataSource) && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ToString();
    }
}
