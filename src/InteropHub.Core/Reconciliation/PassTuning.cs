using System.Data.Common;
using System.Globalization;

namespace InteropHub.Core.Reconciliation;

/// <summary>
/// A large page cache for the matcher's connection while a pass runs, so the one big write transaction stays in memory
/// instead of spilling pages to the WAL again and again, and a bounded cache for the work tables; temp storage stays
/// file-backed: in memory, the work tables and the updates' row lists added ~360 MiB to a million-line pass for no
/// measurable gain (BENCHMARKS.md). The pooled connection's previous settings come back afterwards.
/// </summary>
internal sealed class PassTuning
{
    // Negative sizes are KiB: 256 MiB for the database, 64 MiB for the work tables; a million-line pass stays under a GiB.
    private const long CacheKib = 262_144;
    private const long TempCacheKib = 65_536;

    private readonly DbConnection connection;
    private readonly long cacheSize;
    private readonly long tempCacheSize;
    private readonly long tempStore;

    private PassTuning(DbConnection connection, long cacheSize, long tempCacheSize, long tempStore) =>
        (this.connection, this.cacheSize, this.tempCacheSize, this.tempStore) = (connection, cacheSize, tempCacheSize, tempStore);

    public static async Task<PassTuning> ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var cacheSize = await ScalarAsync(connection, "PRAGMA main.cache_size;", cancellationToken).ConfigureAwait(false);
        var tempCacheSize = await ScalarAsync(connection, "PRAGMA temp.cache_size;", cancellationToken).ConfigureAwait(false);
        var tempStore = await ScalarAsync(connection, "PRAGMA temp_store;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"PRAGMA temp_store = FILE; PRAGMA main.cache_size = -{CacheKib}; PRAGMA temp.cache_size = -{TempCacheKib};", cancellationToken).ConfigureAwait(false);
        return new PassTuning(connection, cacheSize, tempCacheSize, tempStore);
    }

    public Task RestoreAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA temp_store = {tempStore}; PRAGMA main.cache_size = {cacheSize}; PRAGMA temp.cache_size = {tempCacheSize};"), cancellationToken);

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
