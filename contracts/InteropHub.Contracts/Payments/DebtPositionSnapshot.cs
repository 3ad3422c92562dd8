namespace InteropHub.Contracts.Payments;

/// <summary>A debt position as pagoPA has it: its state and, per notice, whether and how it was paid.</summary>
public sealed record DebtPositionSnapshot
{
    public required string Iupd { get; init; }

    public required DebtPositionStatus Status { get; init; }

    public required IReadOnlyList<DebtOptionSnapshot> Options { get; init; }
}

/// <summary>One notice as pagoPA has it, with the receipt data once paid.</summary>
public sealed record DebtOptionSnapshot
{
    public required Iuv Iuv { get; init; }

    public required long AmountCents { get; init; }

    public required DebtOptionStatus Status { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>The receipt id (IUR) of the payment.</summary>
    public string? ReceiptId { get; init; }

    /// <summary>The payment service provider's name.</summary>
    public string? PspCompany { get; init; }

    public long? FeeCents { get; init; }
}

/// <summary>GPD's position states (docs/platforms/pagopa.md §1.5).</summary>
public enum DebtPositionStatus
{
    Draft,
    Published,
    Valid,
    Invalid,
    Expired,
    PartiallyPaid,
    Paid,
    Reported,
}

/// <summary>GPD's notice (payment option) states.</summary>
public enum DebtOptionStatus
{
    Unpaid,
    Paid,
    PartiallyReported,
    Reported,
}
