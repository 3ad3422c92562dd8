namespace InteropHub.Core.Verifications;

/// <summary>A verification batch as stored, with its progress counters (kept in the same transaction as each item).</summary>
internal sealed class VerificationBatchRow
{
    public Guid Id { get; init; }

    public required string Tenant { get; init; }

    public required string OperatorId { get; init; }

    public required string Reason { get; init; }

    public required string RequestId { get; init; }

    /// <summary>The check names, comma-separated in the caller's order.</summary>
    public required string Checks { get; init; }

    public string? ComuneIstatCode { get; init; }

    public DateOnly? ReferenceDate { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? HeldUntil { get; init; }

    public string? HeldReason { get; init; }

    public int Total { get; init; }

    public int Verified { get; init; }

    public int Failed { get; init; }
}
