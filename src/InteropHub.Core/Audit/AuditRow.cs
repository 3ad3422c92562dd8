namespace InteropHub.Core.Audit;

/// <summary>One audit record as stored; rows are only ever inserted.</summary>
internal sealed class AuditRow
{
    /// <summary>Claimed from the chain's counter row (never reused, so a deleted tail shows as a gap).</summary>
    public long Sequence { get; init; }

    public required string Tenant { get; init; }

    public required string Actor { get; init; }

    public required string Action { get; init; }

    public string? Subject { get; init; }

    public required string Outcome { get; init; }

    public string? Reason { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The details as a JSON object with keys in ordinal order, or null.</summary>
    public string? DetailsJson { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string PreviousHash { get; init; }

    public string Hash { get; set; } = "";
}
