using InteropHub.Contracts.Payments;

namespace InteropHub.Core.Payments;

/// <summary>One notice of a payment as stored, keyed by (payment, index) and found by (tenant, IUV) when reconciling.</summary>
internal sealed class PaymentOptionRow
{
    public Guid PaymentId { get; init; }

    public int Index { get; init; }

    public required string Tenant { get; init; }

    public required string Iuv { get; init; }

    public required string NoticeNumber { get; init; }

    public long AmountCents { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>The shares as a JSON array of <see cref="PaymentTransfer"/>.</summary>
    public required string TransfersJson { get; set; }

    public DebtOptionStatus Status { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public string? ReceiptId { get; set; }

    public string? PspCompany { get; set; }

    public long? FeeCents { get; set; }
}
