namespace InteropHub.Core.Audit;

/// <summary>How the audit chain was found broken.</summary>
public enum AuditBreakKind
{
    /// <summary>A record's content no longer matches its hash: edited after it was written (or forged).</summary>
    Edited,

    /// <summary>Sequence numbers jump: one or more records were deleted.</summary>
    Missing,

    /// <summary>A record does not link to the one before it: inserted outside the hub, or its link rewritten.</summary>
    Inserted,
}
