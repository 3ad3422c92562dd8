using System.Data.Common;
using InteropHub.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InteropHub.IntegrationTests.Faults;

/// <summary>The hub's database for a fault test: a temp SQLite file, or a new database on the test PostgreSQL cluster.</summary>
internal sealed class FaultDatabase : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    private FaultDatabase(string provider, string? connectionString) => (Provider, ConnectionString) = (provider, connectionString);

    public string Provider { get; }

    /// <summary>The PostgreSQL database's connection string; null on SQLite, whose file the hub factory places.</summary>
    public string? ConnectionString { get; }

    public static async Task<FaultDatabase> CreateAsync(string provider, CancellationToken cancellationToken) =>
        provider == PostgreSql
            ? new FaultDatabase(provider, await PostgresCluster.CreateDatabaseAsync(cancellationToken: cancellationToken))
            : new FaultDatabase(Sqlite, null);

    /// <summary>Points the hub's settings at this database.</summary>
    public void Apply(IDictionary<string, string?> settings)
    {
        if (ConnectionString is not null)
        {
            settings["Hub:Database:Provider"] = PostgreSql;
            settings["ConnectionStrings:Hub"] = ConnectionString;
        }
    }

    /// <summary>A read connection to the database of the hub in <paramref name="directory"/>, for what the API does not show.</summary>
    public async Task<DbConnection> OpenAsync(string directory, CancellationToken cancellationToken)
    {
        DbConnection connection = ConnectionString is null
            ? new SqliteConnection($"Data Source={Path.Combine(directory, "hub.db")};Mode=ReadOnly;Pooling=False")
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString is not null)
        {
            await PostgresCluster.DropDatabaseAsync(ConnectionString);
        }
    }
}
