using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Audit;

/// <summary>Walks the audit trail in sequence order and reports the first record where the hash chain breaks.</summary>
public sealed class AuditChainVerifier
{
    private const int BatchSize = 500;

    private readonly IDbContextFactory<HubDbContext> _dbFactory;

    internal AuditChainVerifier(IDbContextFactory<HubDbContext> dbFactory) => _dbFactory = dbFactory;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        long intact = 0;
        long lastSequence = 0;
        var expectedPrevious = AuditHash.Genesis;
        while (true)
        {
            List<AuditRow> batch;
            var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                batch = await db.AuditRecords.AsNoTracking()
                    .Where(r => r.Sequence > lastSequence)
                    .OrderBy(r => r.Sequence)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
            }

            if (batch.Count == 0)
            {
                return new AuditVerification(intact, null);
            }

            foreach (var row in batch)
            {
                if (Check(row, lastSequence, expectedPrevious) is { } broken)
                {
                    return new AuditVerification(intact, broken);
                }

                intact++;
                lastSequence = row.Sequence;
                expectedPrevious = row.Hash;
            }
        }
    }

    private static AuditChainBreak? Check(AuditRow row, long lastSequence, string expectedPrevious)
    {
        if (row.Sequence != lastSequence + 1)
        {
            var missing = row.Sequence - 1 == lastSequence + 1
                ? $"record {lastSequence + 1} is missing"
                : $"records {lastSequence + 1} to {row.Sequence - 1} are missing";
            return new AuditChainBreak(row.Sequence, AuditBreakKind.Missing, $"Record {row.Sequence} follows record {lastSequence}: {missing}.");
        }

        if (!string.Equals(row.PreviousHash, expectedPrevious, StringComparison.Ordinal))
        {
            var predecessor = lastSequence == 0 ? "the start of the chain" : $"record {lastSequence}";
            return new AuditChainBreak(row.Sequence, AuditBreakKind.Inserted,
                $"Record {row.Sequence} does not link to {predecessor}: it was inserted outside the hub or its link was rewritten.");
        }

        if (!string.Equals(AuditHash.Compute(row), row.Hash, StringComparison.Ordinal))
        {
            return new AuditChainBreak(row.Sequence, AuditBreakKind.Edited,
                $"Record {row.Sequence} does not match its hash: it was edited after it was written.");
        }

        return null;
    }
}
