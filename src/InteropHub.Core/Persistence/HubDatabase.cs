using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Core.Persistence;

/// <summary>Brings the hub's database to the current schema at start.</summary>
public static class HubDatabase
{
    /// <summary>
    /// Creates the data directory, switches the file to WAL and applies pending migrations. Safe on every start and on
    /// an existing file: migrations already applied are skipped.
    /// </summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<IDbContextFactory<HubDbContext>>();
        var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
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
}
