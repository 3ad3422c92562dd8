using System.Data.Common;
using System.Globalization;
using InteropHub.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InteropHub.Benchmarks;

/// <summary>
/// The database a benchmark runs on: a SQLite file in a temp folder, or a new database on a throw-away PostgreSQL
/// cluster (initdb in a temp folder, loopback only, durable settings: fsync and synchronous commit on, as in production).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(bool postgreSql, string connectionString, string folder)
    {
        IsPostgreSql = postgreSql;
        ConnectionString = connectionString;
        Folder = folder;
    }

    public bool IsPostgreSql { get; }

    public string ConnectionString { get; }

    /// <summary>The temp folder of the run (the SQLite file, the hub's content root).</summary>
    public string Folder { get; }

    /// <summary>The hub's settings that point at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => IsPostgreSql
        ? new Dictionary<string, string?> { ["Hub:Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Hub"] = ConnectionString }
        : new Dictionary<string, string?> { ["ConnectionStrings:Hub"] = ConnectionString };

    public static async Task<BenchDatabase> CreateAsync(string provider, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "interophub-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new BenchDatabase(false, $"Data Source={Path.Combine(folder, "bench.db")}", folder);
        }

        if (!string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unknown provider '{provider}': sqlite or postgresql.", nameof(provider));
        }

        // PostgreSQL's defaults but for a cache the size of the one the matcher gives SQLite, and room for the hub's pools;
        // INTEROPHUB_BENCH_PG_SETTINGS adds server options for a profiling run (auto_explain, BENCHMARKS.md).
        PostgresCluster.ServerSettings = "-c shared_buffers=256MB -c max_connections=300 " + Environment.GetEnvironmentVariable("INTEROPHUB_BENCH_PG_SETTINGS");
        var connectionString = await PostgresCluster.CreateDatabaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new BenchDatabase(true, connectionString, folder);
    }

    public DbConnection Connection(string? connectionString = null) => IsPostgreSql
        ? new NpgsqlConnection(connectionString ?? ConnectionString)
        : new SqliteConnection(connectionString ?? ConnectionString);

    /// <summary>A copy of the database as it is now, for a baseline that commits; its connection string.</summary>
    public async Task<string> CopyAsync(CancellationToken cancellationToken)
    {
        ClearPools(ConnectionString);
        if (IsPostgreSql)
        {
            // CREATE DATABASE … TEMPLATE needs the template free of connections, the baseline's own pool's among them.
            NpgsqlConnection.ClearAllPools();
            return await PostgresCluster.CreateDatabaseAsync(PostgresCluster.DatabaseOf(ConnectionString), cancellationToken).ConfigureAwait(false);
        }

        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var copy = Path.Combine(Folder, "copy.db");
        File.Copy(new SqliteConnectionStringBuilder(ConnectionString).DataSource, copy);
        return $"Data Source={copy}";
    }

    public async Task DropCopyAsync(string connectionString)
    {
        ClearPools(connectionString);
        if (IsPostgreSql)
        {
            await PostgresCluster.DropDatabaseAsync(connectionString).ConfigureAwait(false);
            return;
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// CPU time of the PostgreSQL server's processes (postmaster and its children: the backends do the matcher's work,
    /// which the benchmark's own process CPU does not see); zero on SQLite, which runs in the benchmark's process.
    /// </summary>
    public TimeSpan ServerCpu()
    {
        if (!IsPostgreSql)
        {
            return TimeSpan.Zero;
        }

        var postmaster = Directory.GetDirectories(Path.Combine(Path.GetTempPath(), "interophub-pg"), $"{Environment.ProcessId}-*")
            .Select(f => Path.Combine(f, "data", "postmaster.pid")).Where(File.Exists)
            .Select(f => int.Parse(File.ReadLines(f).First(), CultureInfo.InvariantCulture)).Single();
        long ticks = 0;
        foreach (var stat in Directory.GetDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                // pid (comm) state ppid … utime stime: fields 14 and 15, counted after the command name's closing parenthesis.
                var text = File.ReadAllText(stat);
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                var pid = int.Parse(text[..text.IndexOf(' ')], CultureInfo.InvariantCulture);
                if (pid == postmaster || int.Parse(fields[1], CultureInfo.InvariantCulture) == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended, or is not ours to read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100d);
    }

    /// <summary>The database's size on disk, in bytes.</summary>
    public async Task<long> SizeAsync(CancellationToken cancellationToken)
    {
        if (!IsPostgreSql)
        {
            return new FileInfo(new SqliteConnectionStringBuilder(ConnectionString).DataSource).Length;
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (IsPostgreSql)
        {
            await PostgresCluster.DropDatabaseAsync(ConnectionString).ConfigureAwait(false);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private void ClearPools(string connectionString)
    {
        if (IsPostgreSql)
        {
            using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
