using System.Text.Json;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Audit;

/// <summary>
/// Appends records MACed with the audit key, each linked to the head read under the database's write lock, and tells the
/// checkpoint writer about every new head. The record's number is claimed from a counter row in the same transaction:
/// the row lock makes appenders of every hub instance take turns even without the write lock, a failed append rolls its
/// number back (PostgreSQL's identity would leave a hole that reads as a deleted record), and a deleted tail still
/// leaves a gap because the counter never goes back.
/// </summary>
internal sealed class AuditTrail(IDbContextFactory<HubDbContext> dbFactory, AuditKey key, AuditCheckpointWriter checkpoints, TimeProvider time) : IAuditTrail, IDisposable
{
    // Not the guard (the database is): this instance's appends queue here instead of contending for the write lock, and
    // reach the checkpoint writer in chain order.
    private readonly SemaphoreSlim _queue = new(1, 1);

    /// <summary>The <c>Sequences</c> row that numbers the hub-wide chain (no tenant of its own).</summary>
    public const string CounterTenant = "*";

    public const string CounterName = "audit.chain";

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var sequence = await ClaimNextAsync(db, cancellationToken).ConfigureAwait(false);
                    var tailHash = await db.AuditRecords
                        .Where(r => r.Sequence < sequence)
                        .OrderByDescending(r => r.Sequence)
                        .Select(r => r.Hash)
                        .FirstOrDefaultAsync(cancellationToken)
                        .ConfigureAwait(false);
                    var row = ToRow(entry, sequence, StoredInstant.Now(time), tailHash ?? AuditHash.Genesis);
                    row.Hash = AuditHash.Keyed(key, row);
                    db.AuditRecords.Add(row);
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    checkpoints.Observe(row.Sequence, row.Hash);
                    return new AuditRecord(row.Sequence, entry, row.RecordedAt, row.PreviousHash, row.Hash);
                }
            }
        }
        finally
        {
            _queue.Release();
        }
    }

    public void Dispose() => _queue.Dispose();

    /// <summary>
    /// The next number: one past the counter, or past the last record when the counter row is missing (a trail written
    /// before the counter existed). The upsert's row lock is held until the transaction ends.
    /// </summary>
    private static async Task<long> ClaimNextAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var claimed = await db.Database.SqlQuery<long>(
            $"""
            INSERT INTO "Sequences" ("Tenant", "Name", "Value")
            VALUES ({CounterTenant}, {CounterName}, (SELECT COALESCE(MAX("Sequence"), 0) + 1 FROM "AuditRecords"))
            ON CONFLICT ("Tenant", "Name") DO UPDATE
            SET "Value" = CASE WHEN "Sequences"."Value" + 1 > excluded."Value" THEN "Sequences"."Value" + 1 ELSE excluded."Value" END
            RETURNING "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return claimed.Single();
    }

    private static AuditRow ToRow(AuditEntry entry, long sequence, DateTimeOffset recordedAt, string previousHash) => new()
    {
        Sequence = sequence,
        Tenant = entry.Tenant.Value,
        Actor = entry.Actor,
        Action = entry.Action,
        Subject = entry.Subject,
        Outcome = entry.Outcome,
        Reason = entry.Reason,
        RequestId = entry.RequestId,
        DetailsJson = entry.Details is null
            ? null
            : JsonSerializer.Serialize(new SortedDictionary<string, string>(entry.Details.ToDictionary(), StringComparer.Ordinal)),
        RecordedAt = recordedAt,
        PreviousHash = previousHash,
    };
}
