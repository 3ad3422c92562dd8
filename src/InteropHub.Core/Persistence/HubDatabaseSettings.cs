using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InteropHub.Core.Persistence;

/// <summary>The database products the hub runs on: SQLite embedded (the default), PostgreSQL for several instances.</summary>
public enum HubDatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database the hub uses: one setting picks the provider, <c>ConnectionStrings:Hub</c> says where.</summary>
internal sealed record HubDatabaseSettings(HubDatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Hub:Database:Provider";
    public const string ConnectionStringName = "Hub";
    public const string SqliteProvider = "Sqlite";
    public const string PostgreSqlProvider = "PostgreSQL";
    public const string DefaultConnectionString = "Data Source=data/interophub.db";

    /// <summary>Reads the settings; throws <see cref="HubDatabaseException"/> naming the setting that is wrong.</summary>
    public static HubDatabaseSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration[ProviderKey];
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(provider) || string.Equals(provider, SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            return new HubDatabaseSettings(HubDatabaseProvider.Sqlite, ResolveSqlitePath(
                string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString,
                contentRoot));
        }

        if (!string.Equals(provider, PostgreSqlProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new HubDatabaseException($"{ProviderKey} is '{provider}'; supported: '{SqliteProvider}' (the default) or '{PostgreSqlProvider}'.");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new HubDatabaseException(
                $"{ProviderKey} is '{PostgreSqlProvider}', so ConnectionStrings:{ConnectionStringName} must name the server (Host=...;Database=...;Username=...).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new HubDatabaseException($"ConnectionStrings:{ConnectionStringName} is not a PostgreSQL connection string: {e.Message}");
        }

        return new HubDatabaseSettings(HubDatabaseProvider.PostgreSql, connectionString);
    }

    /// <summary>
    /// The folder for files kept beside the database (audit checkpoints, sandbox keys): the SQLite file's folder, or
    /// <c>data/</c> under the content root when the database is in memory or on a server.
    /// </summary>
    public string DataDirectory(string contentRoot)
    {
        var file = SqliteFile;
        return file is null ? Path.Combine(contentRoot, "data") : Path.GetDirectoryName(file)!;
    }

    /// <summary>The SQLite database file's full path; null for a database in memory or on PostgreSQL.</summary>
    public string? SqliteFile
    {
        get
        {
            if (Provider != HubDatabaseProvider.Sqlite)
            {
                return null;
            }

            var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return Path.IsPathRooted(dataSource) ? dataSource : null;
        }
    }

    public void Apply(DbContextOptionsBuilder options)
    {
        if (Provider == HubDatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString).AddInterceptors(SqliteBusyTimeoutInterceptor.Instance);
        }

        // Stores catch the unique violations they expect (dedup, idempotency claims); other failures surface as exceptions.
        options.ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug)));
    }

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
