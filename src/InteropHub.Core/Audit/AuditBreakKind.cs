namespace InteropHub.Core.Audit;

/// <summary>How the audit chain was found broken.</summary>
public enum AuditBreakKind
{
    /// <summary>A record's content no longer matches its MAC: edited after it was written, or forged without the key.</summary>
    Edited,

    /// <summary>Sequence numbers jump: one or more records were deleted.</summary>
    Missing,

    /// <summary>A record does not link to the one before it: inserted outside the hub, or its link rewritten.</summary>
    Inserted,

    /// <summary>The trail ends before the last checkpoint: its last records were deleted.</summary>
    Truncated,

    /// <summary>A record differs from the one a checkpoint vouched for: the chain was recomputed, or records deleted and appended again.</summary>
    Rewritten,

    /// <summary>A checkpoint does not carry the configured key's signature: forged or altered, or the wrong key.</summary>
    BadCheckpoint,
}
