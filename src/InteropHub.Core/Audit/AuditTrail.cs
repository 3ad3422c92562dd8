using System.Data;
using System.Text.Json;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Audit;

/// <summary>
/// Appends records MACed with the audit key, each linked to the head read under the database's write lock, and tells the
/// checkpoint writer about every new head.
/// </summary>
internal sealed class AuditTrail(IDbContextFactory<HubDbContext> dbFactory, AuditKey key, AuditCheckpointWriter checkpoints, TimeProvider time) : IAuditTrail
{
    // One append at a time in this process; the write transaction (BEGIN IMMEDIATE on SQLite) covers other processes.
    private static readonly SemaphoreSlim AppendLock = new(1, 1);

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await AppendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var tailHash = await db.AuditRecords
                        .OrderByDescending(r => r.Sequence)
                        .Select(r => r.Hash)
                        .FirstOrDefaultAsync(cancellationToken)
                        .ConfigureAwait(false);
                    var row = ToRow(entry, StoredInstant.Now(time), tailHash ?? AuditHash.Genesis);
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
            AppendLock.Release();
        }
    }

    private static AuditRow ToRow(AuditEntry entry, DateTimeOffset recordedAt, string previousHash) => new()
    {
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
