namespace InteropHub.Core.Audit;

/// <summary>
/// The result of checking the audit trail: how many records were intact, the first break if any, how many records at
/// the start predate the keyed chain, and the latest checkpoint the trail agrees with (records after it are covered by
/// their MACs, but their deletion would go unnoticed until a later checkpoint).
/// </summary>
public sealed record AuditVerification(long RecordsChecked, AuditChainBreak? Break)
{
    public bool IsIntact => Break is null;

    /// <summary>Records at the start of the trail written before the hub had an audit key (plain SHA-256).</summary>
    public long LegacyRecords { get; init; }

    /// <summary>The checkpoint files read, and directories whose <c>*.jsonl</c> files were read (one file per instance).</summary>
    public IReadOnlyList<string> CheckpointSources { get; init; } = [];

    /// <summary>
    /// Lines of the checkpoint files that are not a checkpoint at all (a write cut short by a crash), skipped: losing one
    /// weakens the check no more than deleting it would. A checkpoint with a wrong signature is a break instead.
    /// </summary>
    public IReadOnlyList<UnreadableCheckpointLine> UnreadableCheckpointLines { get; init; } = [];

    /// <summary>The checkpoint with the highest sequence, when every checkpoint holds; null when there is none.</summary>
    public AuditCheckpoint? LastCheckpoint { get; init; }
}

/// <summary>The first record at which the chain does not hold, what is wrong, and a sentence saying so.</summary>
public sealed record AuditChainBreak(long Sequence, AuditBreakKind Kind, string Reason);

/// <summary>A line of a checkpoint file that is not a checkpoint (numbered from 1).</summary>
public sealed record UnreadableCheckpointLine(string File, int Line);
