using System.Buffers.Binary;
using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using InteropHub.Contracts.Adapters;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InteropHub.Core.Limits;

/// <summary>
/// Upstream limits' slots in the database, taken one taker at a time under the key's lock (PostgreSQL: an advisory
/// lock per limit and key for the transaction; SQLite: its write transaction), so every instance keeps one limit.
/// Instants come from the database's clock when <paramref name="databaseClock"/> (PostgreSQL: instances on machines
/// whose clocks disagree still share one window) and from <paramref name="time"/> otherwise (SQLite: one process,
/// on the database's machine).
/// </summary>
internal sealed class UpstreamCallSlots(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time, bool databaseClock) : IUpstreamCallSlots
{
    // PostgreSQL's two-int advisory key space, apart from HubSql's one-bigint write lock: the class of these locks.
    private const int LockClass = 0x4C_49_4D_54;
    private const string DatabaseNow = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS bigint)";

    public async ValueTask<CallSlot> TakeAsync(CallLimit limit, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        limit.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await BeginAsync(db, limit, keyId, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = DatabaseClock(db) ? (long)(await ScalarAsync(db, $"SELECT {DatabaseNow}", cancellationToken).ConfigureAwait(false))! : Micros(time.GetUtcNow());
                using var read = Command(db, """
                    DELETE FROM "UpstreamCallSlots" WHERE "Limit" = @limit AND "Key" = @key AND "FreesAt" <= @now;
                    SELECT "FreesAt", "Ended" FROM "UpstreamCallSlots" WHERE "Limit" = @limit AND "Key" = @key
                    ORDER BY "FreesAt" DESC LIMIT 1 OFFSET @offset;
                    SELECT COALESCE(MAX("PacedUntil"), 0) FROM "UpstreamCallSlots" WHERE "Limit" = @limit AND "Key" = @key;
                    """, ("@limit", limit.Name), ("@key", keyId), ("@now", now), ("@offset", limit.Calls - 1));

                // With Calls slots held, the next starts when the earliest-freeing of the last Calls frees.
                var start = now;
                long pacedUntil;
                await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var freesAt = reader.GetInt64(0);
                        if (!reader.GetBoolean(1))
                        {
                            return new CallSlot(0, Span(freesAt - now));
                        }

                        start = freesAt;
                    }

                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    pacedUntil = reader.GetInt64(0);
                }

                // Paced: no earlier than the key's theoretical arrival time less the burst's tolerance, which then moves
                // an interval on. A deleted slot's time is past (at most a burst of intervals, so a window, after its start,
                // and it freed a window after that), so the slots left hold the key's pace.
                if (limit.Burst is { } burst)
                {
                    var interval = Micros(limit.Interval);
                    start = Math.Max(start, pacedUntil - ((burst - 1) * interval));
                    pacedUntil = Math.Max(pacedUntil, start) + interval;
                }

                using var insert = Command(db, """
                    INSERT INTO "UpstreamCallSlots" ("Limit", "Key", "FreesAt", "Ended", "PacedUntil") VALUES (@limit, @key, @freesAt, FALSE, @pacedUntil) RETURNING "Id";
                    """, ("@limit", limit.Name), ("@key", keyId), ("@freesAt", start + Micros(limit.MaxCall + limit.AfterEnd)), ("@pacedUntil", limit.Burst is null ? 0L : pacedUntil));
                var id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new CallSlot(id, Span(start - now));
            }
        }
    }

    public async ValueTask EndAsync(CallLimit limit, CallSlot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (!slot.Taken)
        {
            return;
        }

        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

            // The end is now on the takers' clock: the database's, or this process's (sent).
            var clock = DatabaseClock(db);
            using var end = Command(db, $"""
                UPDATE "UpstreamCallSlots" SET "Ended" = TRUE, "FreesAt" = {(clock ? DatabaseNow : "@now")} + @afterEnd
                WHERE "Id" = @id AND "Ended" = FALSE;
                """, ("@id", slot.Id), ("@afterEnd", Micros(limit.AfterEnd)));
            if (!clock)
            {
                end.AddParameter("@now", Micros(time.GetUtcNow()));
            }

            await end.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool DatabaseClock(HubDbContext db) => databaseClock && db.IsPostgreSql();

    private static async Task<IDbContextTransaction> BeginAsync(HubDbContext db, CallLimit limit, string keyId, CancellationToken cancellationToken)
    {
        if (!db.IsPostgreSql())
        {
            return await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        }

        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        try
        {
            var lockId = BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(limit.Name + "|" + keyId)));
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {lockId})", cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<object?> ScalarAsync(HubDbContext db, string sql, CancellationToken cancellationToken)
    {
        using var command = Command(db, sql);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(HubDbContext db, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return command;
    }


    private static long Micros(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static long Micros(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;

    private static TimeSpan Span(long micros) => TimeSpan.FromTicks(Math.Max(0, micros) * TimeSpan.TicksPerMicrosecond);
}
