using InteropHub.Contracts.Payments;

namespace InteropHub.Core.Reconciliation;

/// <summary>One line of a stored flow revision, keyed by (flow revision, index) and found by (tenant, IUV) when matching.</summary>
internal sealed class ReportingFlowLineRow
{
    public Guid ReportingFlowId { get; init; }

    public int Index { get; init; }

    public required string Tenant { get; init; }

    public required string Iuv { get; init; }

    public required string Iur { get; init; }

    public int TransferIndex { get; init; }

    public long AmountCents { get; init; }

    public ReportedOutcome Outcome { get; init; }

    public DateTimeOffset PayDate { get; init; }

    public LineMatchStatus Status { get; set; }

    /// <summary>The payment the line was matched to; null until matched.</summary>
    public Guid? PaymentId { get; set; }
}
