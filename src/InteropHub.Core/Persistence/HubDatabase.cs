using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InteropHub.Core.Persistence;

/// <summary>Brings the hub's database to the current schema at start.</summary>
public static class HubDatabase
{
    /// <summary>
    /// Applies pending migrations (SQLite: after creating the data directory and switching the file to WAL; PostgreSQL:
    /// creating the database when missing). Safe on every start: migrations already applied are skipped. A PostgreSQL
    /// server that cannot be reached or refuses the login is a <see cref="HubDatabaseException"/>.
    /// </summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<IDbContextFactory<HubDbContext>>();
        var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (db.IsPostgreSql())
            {
                await MigratePostgreSqlAsync(db, cancellationToken).ConfigureAwait(false);
                return;
            }

            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var directory = Path.IsPathRooted(dataSource) ? Path.GetDirectoryName(dataSource) : null;
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // WAL is a property of the file: set once, every later connection uses it (readers no longer block the writer).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Any fixed key: the session lock that lets one starting instance migrate at a time.
    private const long MigrationLockKey = 0x496E_7465_724D_6967;

    private static async Task MigratePostgreSqlAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another instance starting at the same moment created it first.
                }
            }

            // Instances starting together would each apply the same pending migrations: they take turns on a session lock.
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
                try
                {
                    await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    // A pooled connection resets only when reused: release the lock now, not whenever that happens.
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
        catch (Exception thrown) when ((thrown as NpgsqlException ?? thrown.InnerException as NpgsqlException) is { } e)
        {
            // The execution strategy wraps a failed connection in an InvalidOperationException.
            var server = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            throw new HubDatabaseException(
                $"The PostgreSQL database of ConnectionStrings:{HubDatabaseSettings.ConnectionStringName} (host {server.Host}:{server.Port}, "
                + $"database {server.Database}) cannot be used: {e.Message}",
                e);
        }
    }
}
