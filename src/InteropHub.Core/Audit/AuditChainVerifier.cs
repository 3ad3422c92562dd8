using System.Globalization;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Audit;

/// <summary>
/// Walks the audit trail in sequence order recomputing each record's MAC with the audit key, then holds the trail against
/// every checkpoint in the checkpoint files (one per hub instance on PostgreSQL); reports the first place where either fails.
/// </summary>
public sealed class AuditChainVerifier
{
    private const int BatchSize = 500;

    private readonly IDbContextFactory<HubDbContext> _dbFactory;
    private readonly AuditKey _key;
    private readonly IReadOnlyList<string> _checkpointSources;

    /// <summary>Checks against <paramref name="checkpointSources"/>: checkpoint files, or directories whose <c>*.jsonl</c> files are all read.</summary>
    internal AuditChainVerifier(IDbContextFactory<HubDbContext> dbFactory, AuditKey key, IReadOnlyList<string> checkpointSources)
    {
        _dbFactory = dbFactory;
        _key = key;
        _checkpointSources = checkpointSources;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var (checkpoints, unreadable) = ReadCheckpoints();
        AuditVerification Result(long intact, AuditChainBreak? broken, long legacy = 0, AuditCheckpoint? last = null) => new(intact, broken)
        {
            LegacyRecords = legacy, CheckpointSources = _checkpointSources, UnreadableCheckpointLines = unreadable, LastCheckpoint = last,
        };

        if (CheckSignatures(checkpoints) is { } bad)
        {
            return Result(0, bad);
        }

        var walk = new Walk(_key, checkpoints.Select(c => c.Sequence).ToHashSet());
        while (true)
        {
            List<AuditRow> batch;
            var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                batch = await db.AuditRecords.AsNoTracking()
                    .Where(r => r.Sequence > walk.LastSequence)
                    .OrderBy(r => r.Sequence)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
            }

            if (batch.Count == 0)
            {
                break;
            }

            foreach (var row in batch)
            {
                if (walk.Check(row) is { } broken)
                {
                    return Result(walk.Intact, broken, walk.Legacy);
                }
            }
        }

        return Result(walk.Intact, CheckAgainst(checkpoints, walk), walk.Legacy, checkpoints.MaxBy(c => c.Sequence));
    }

    private (List<AuditCheckpoint> Checkpoints, IReadOnlyList<UnreadableCheckpointLine> Unreadable) ReadCheckpoints()
    {
        var checkpoints = new List<AuditCheckpoint>();
        var unreadable = new List<UnreadableCheckpointLine>();
        foreach (var file in AuditCheckpointFile.Expand(_checkpointSources))
        {
            var (read, lines) = AuditCheckpointFile.Read(file);
            checkpoints.AddRange(read);
            unreadable.AddRange(lines.Select(line => new UnreadableCheckpointLine(file, line)));
        }

        return (checkpoints, unreadable.Count == 0 ? Array.Empty<UnreadableCheckpointLine>() : unreadable);
    }

    private AuditChainBreak? CheckSignatures(IReadOnlyList<AuditCheckpoint> checkpoints)
    {
        if (checkpoints.FirstOrDefault(c => !string.Equals(c.KeyId, _key.Id, StringComparison.Ordinal)) is { } foreign)
        {
            return new AuditChainBreak(foreign.Sequence, AuditBreakKind.BadCheckpoint,
                $"The checkpoint of record {foreign.Sequence} ({Instant(foreign)}) was signed with key {foreign.KeyId}, but the configured audit key is {_key.Id}: " +
                "verify with the key that wrote the trail, or the checkpoint was forged.");
        }

        return checkpoints.FirstOrDefault(c => !c.IsSignedBy(_key)) is { } forged
            ? new AuditChainBreak(forged.Sequence, AuditBreakKind.BadCheckpoint,
                $"The checkpoint of record {forged.Sequence} ({Instant(forged)}) does not carry the audit key's signature: it was forged or altered.")
            : null;
    }

    private static AuditChainBreak? CheckAgainst(IReadOnlyList<AuditCheckpoint> checkpoints, Walk walk)
    {
        long vouched = 0;
        foreach (var checkpoint in checkpoints.Where(c => c.Sequence <= walk.LastSequence).OrderBy(c => c.Sequence))
        {
            if (!string.Equals(walk.HeadAt(checkpoint.Sequence), checkpoint.Head, StringComparison.Ordinal))
            {
                return new AuditChainBreak(checkpoint.Sequence, AuditBreakKind.Rewritten,
                    $"Record {checkpoint.Sequence} is not the one the checkpoint of {Instant(checkpoint)} vouched for: records {vouched + 1} to {checkpoint.Sequence} " +
                    "were rewritten (the chain recomputed, or records deleted and appended again).");
            }

            vouched = checkpoint.Sequence;
        }

        var last = checkpoints.MaxBy(c => c.Sequence);
        return last is not null && last.Sequence > walk.LastSequence
            ? new AuditChainBreak(walk.LastSequence + 1, AuditBreakKind.Truncated,
                $"The checkpoint of {Instant(last)} vouches for {last.Sequence} record(s), but the trail holds {walk.LastSequence}: " +
                (walk.LastSequence + 1 == last.Sequence ? $"record {last.Sequence} was deleted." : $"records {walk.LastSequence + 1} to {last.Sequence} were deleted."))
            : null;
    }

    private static string Instant(AuditCheckpoint checkpoint) => checkpoint.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The state of one pass over the records: where it is, what it saw, and the MACs at checkpointed sequences.</summary>
    private sealed class Walk(AuditKey key, HashSet<long> checkpointed)
    {
        private readonly Dictionary<long, string> _heads = [];
        private string _expectedPrevious = AuditHash.Genesis;
        private bool _keyed;

        public long LastSequence { get; private set; }

        public long Intact { get; private set; }

        public long Legacy { get; private set; }

        public string? HeadAt(long sequence) => _heads.GetValueOrDefault(sequence);

        public AuditChainBreak? Check(AuditRow row)
        {
            if (Problem(row) is { } broken)
            {
                return broken;
            }

            Intact++;
            LastSequence = row.Sequence;
            _expectedPrevious = row.Hash;
            if (checkpointed.Contains(row.Sequence))
            {
                _heads[row.Sequence] = row.Hash;
            }

            return null;
        }

        private AuditChainBreak? Problem(AuditRow row)
        {
            if (row.Sequence != LastSequence + 1)
            {
                var missing = row.Sequence - 1 == LastSequence + 1
                    ? $"record {LastSequence + 1} is missing"
                    : $"records {LastSequence + 1} to {row.Sequence - 1} are missing";
                return new AuditChainBreak(row.Sequence, AuditBreakKind.Missing, $"Record {row.Sequence} follows record {LastSequence}: {missing}.");
            }

            if (!string.Equals(row.PreviousHash, _expectedPrevious, StringComparison.Ordinal))
            {
                var predecessor = LastSequence == 0 ? "the start of the chain" : $"record {LastSequence}";
                return new AuditChainBreak(row.Sequence, AuditBreakKind.Inserted,
                    $"Record {row.Sequence} does not link to {predecessor}: it was inserted outside the hub or its link was rewritten.");
            }

            if (string.Equals(AuditHash.Keyed(key, row), row.Hash, StringComparison.Ordinal))
            {
                _keyed = true;
                return null;
            }

            var plain = string.Equals(AuditHash.Legacy(row), row.Hash, StringComparison.Ordinal);
            if (plain && !_keyed)
            {
                Legacy++;
                return null;
            }

            return new AuditChainBreak(row.Sequence, AuditBreakKind.Edited, plain
                ? $"Record {row.Sequence} carries a plain SHA-256 hash after records MACed with the audit key: it was written or recomputed without the key."
                : $"Record {row.Sequence} does not match its MAC: it was edited after it was written (or the configured audit key is not the one that wrote it).");
        }
    }
}
