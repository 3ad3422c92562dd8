namespace InteropHub.Core.Reconciliation;

/// <summary>One anomaly as stored; <see cref="Key"/> (code and what it is about) is unique per tenant, so a re-run adds none.</summary>
internal sealed class ReconciliationAnomalyRow
{
    public long Id { get; init; }

    public required string Tenant { get; init; }

    public required string Key { get; init; }

    public required string Code { get; init; }

    /// <summary>The stored flow revision, for flow and line anomalies.</summary>
    public Guid? ReportingFlowId { get; init; }

    public string? FlowId { get; init; }

    public string? PspId { get; init; }

    public int? LineIndex { get; init; }

    public string? Iuv { get; init; }

    public string? Iur { get; init; }

    public Guid? PaymentId { get; init; }

    public required string Detail { get; init; }

    public AnomalyStatus Status { get; set; }

    public string? ResolvedNote { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
