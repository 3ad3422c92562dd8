using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Audit;

/// <summary><c>Hub:Audit</c>: the key that chains the audit trail, and where and how often its head is checkpointed.</summary>
public sealed class AuditOptions
{
    public const string SectionPath = "Hub:Audit";

    /// <summary>
    /// The audit key (file or environment variable, at least 32 characters), kept outside the database: without it no one
    /// can recompute the chain. Required outside sandbox mode; sandbox mode generates one beside its demo keys.
    /// </summary>
    public SecretReference Key { get; init; } = new();

    [Required]
    public AuditCheckpointOptions Checkpoints { get; init; } = new();
}

/// <summary><c>Hub:Audit:Checkpoints</c>: signed records of the chain's head, written outside the database.</summary>
public sealed class AuditCheckpointOptions
{
    /// <summary>
    /// This instance's append-only JSON-lines file; default <c>&lt;database name&gt;.audit-checkpoints.jsonl</c> beside the
    /// SQLite file, or on PostgreSQL a file of the instance's own in <c>data/audit-checkpoints/</c> (<c>&lt;machine&gt;.jsonl</c>,
    /// <c>&lt;machine&gt;-2.jsonl</c> for a second instance there). Give each instance its own: instances never share one.
    /// </summary>
    public string? File { get; init; }

    /// <summary>A checkpoint after this many new records. Defaults to 100.</summary>
    [Range(1, 1_000_000)]
    public int EveryRecords { get; init; } = 100;

    /// <summary>How often a head no checkpoint covers yet is checkpointed (and once more at shutdown). Defaults to 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Also write each checkpoint to the log at Information, so a log shipped elsewhere keeps a copy. Defaults to true.</summary>
    public bool Log { get; init; } = true;
}
