using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Payments;

/// <summary>How the hub learns payments made on pagoPA: GPD's paid positions and the Biz-Events receipts (docs/platforms/pagopa.md §2).</summary>
public interface IReceiptSource
{
    /// <summary>Longest window GPD lists by payment date-time.</summary>
    static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    /// <summary>The tenant's positions paid (PAID or PARTIALLY_PAID) between <paramref name="from"/> and <paramref name="to"/> (at most <see cref="MaxWindow"/>), every page.</summary>
    Task<IReadOnlyList<DebtPositionSnapshot>> PaidPositionsAsync(TenantId tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The receipt of notice <paramref name="iuv"/> paid with receipt id <paramref name="iur"/>, or null when Biz-Events has none.</summary>
    Task<PaymentReceipt?> ReceiptAsync(TenantId tenant, string iur, string iuv, CancellationToken cancellationToken);
}

/// <summary>A payment receipt as Biz-Events gives it.</summary>
public sealed record PaymentReceipt
{
    public required string ReceiptId { get; init; }

    public required string Iuv { get; init; }

    public string? NoticeNumber { get; init; }

    /// <summary>Whether the payment succeeded (receipt outcome OK).</summary>
    public required bool Succeeded { get; init; }

    public required long AmountCents { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    public string? PspId { get; init; }

    public string? PspName { get; init; }

    public long? FeeCents { get; init; }
}
