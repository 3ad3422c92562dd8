using System.Data.Common;
using System.Globalization;

namespace InteropHub.Core.Reconciliation;

/// <summary>
/// A large page cache and in-memory temp tables for the matcher's connection while a pass runs, so the one big write
/// transaction stays in memory instead of spilling pages to the WAL again and again; the pooled connection's previous
/// settings come back afterwards.
/// </summary>
internal sealed class PassTuning
{
    // 256 MiB (negative: KiB); bounded, so a pass over a million lines stays well under a GiB.
    private const long CacheKib = 262_144;

    private readonly DbConnection connection;
    private readonly long cacheSize;
    private readonly long tempStore;

    private PassTuning(DbConnection connection, long cacheSize, long tempStore) =>
        (this.connection, this.cacheSize, this.tempStore) = (connection, cacheSize, tempStore);

    public static async Task<PassTuning> ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var cacheSize = await ScalarAsync(connection, "PRAGMA cache_size;", cancellationToken).ConfigureAwait(false);
        var tempStore = await ScalarAsync(connection, "PRAGMA temp_store;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"PRAGMA cache_size = -{CacheKib}; PRAGMA temp_store = MEMORY;", cancellationToken).ConfigureAwait(false);
        return new PassTuning(connection, cacheSize, tempStore);
    }

    public Task RestoreAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheSize}; PRAGMA temp_store = {tempStore};"), cancellationToken);

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
