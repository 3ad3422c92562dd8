namespace InteropHub.Core.Payments;

/// <summary>A payment as stored; its notices are <see cref="PaymentOptionRow"/>s.</summary>
internal sealed class PaymentRow
{
    public Guid Id { get; init; }

    public required string Tenant { get; init; }

    public required string Iupd { get; init; }

    public required string RequestHash { get; init; }

    public PaymentStatus Status { get; set; }

    /// <summary>A column of its own so the list can filter on it; the whole debtor is in <see cref="DebtorJson"/>.</summary>
    public required string DebtorFiscalCode { get; init; }

    public required string DebtorJson { get; init; }

    public required string Description { get; set; }

    public string? Reference { get; init; }

    public required string TaxonomyCode { get; init; }

    public PaymentExpiryPolicy ExpiryPolicy { get; init; }

    public string? RefusalCode { get; set; }

    public string? RefusalTitle { get; set; }

    public string? RefusalDetail { get; set; }

    public Guid? BatchId { get; init; }

    public int? BatchIndex { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SyncedAt { get; set; }

    public long Version { get; set; }
}
