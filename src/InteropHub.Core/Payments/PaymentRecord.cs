using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Payments;

/// <summary>A payment to store: the position the hub will create on pagoPA, and where the request came from.</summary>
public sealed record NewPayment
{
    public required TenantId Tenant { get; init; }

    public required string Iupd { get; init; }

    /// <summary>The SHA-256 of the request that asked for it: the same iupd asked by another request is a key reuse.</summary>
    public required string RequestHash { get; init; }

    public required Debtor Debtor { get; init; }

    public required string Description { get; init; }

    /// <summary>The comune's own reference (e.g. its ledger or file number), echoed back and never sent to pagoPA.</summary>
    public string? Reference { get; init; }

    public required string TaxonomyCode { get; init; }

    public PaymentExpiryPolicy ExpiryPolicy { get; init; }

    /// <summary>One notice for a single payment, one per installment for a plan.</summary>
    public required IReadOnlyList<NewPaymentOption> Options { get; init; }

    /// <summary>Set for a payment that arrived in a bulk batch; its position in the batch.</summary>
    public Guid? BatchId { get; init; }

    public int? BatchIndex { get; init; }
}

/// <summary>One notice of a payment as requested.</summary>
public sealed record NewPaymentOption
{
    public required NoticeNumber NoticeNumber { get; init; }

    public required long AmountCents { get; init; }

    public required DateOnly DueDate { get; init; }

    public required IReadOnlyList<PaymentTransfer> Transfers { get; init; }
}

/// <summary>One share of a notice: amount, IBAN, and the beneficiary when not the tenant.</summary>
public sealed record PaymentTransfer
{
    public required int Index { get; init; }

    public required long AmountCents { get; init; }

    public required Iban Iban { get; init; }

    /// <summary>Another comune's 11-digit fiscal code; null for the tenant itself.</summary>
    public string? BeneficiaryFiscalCode { get; init; }

    /// <summary>The reason of payment; null means the payment's description.</summary>
    public string? RemittanceInformation { get; init; }
}

/// <summary>What becomes of a payment whose due date passes unpaid.</summary>
public enum PaymentExpiryPolicy
{
    /// <summary>It stays payable (late payment accepted): GPD's <c>switchToExpired=false</c>.</summary>
    PayableAfterDue,

    /// <summary>It expires and can no longer be paid: GPD's <c>switchToExpired=true</c>.</summary>
    ExpireAtDue,
}

/// <summary>The payment statuses of the API.</summary>
public enum PaymentStatus
{
    /// <summary>Stored; pagoPA not yet confirmed the position.</summary>
    Pending,
    Payable,
    PartiallyPaid,
    Paid,
    Reported,
    Cancelled,
    Expired,

    /// <summary>pagoPA refused the position; nothing can be paid.</summary>
    Failed,
}

/// <summary>A stored payment.</summary>
public sealed record PaymentRecord
{
    public required Guid Id { get; init; }

    public required TenantId Tenant { get; init; }

    public required string Iupd { get; init; }

    public required string RequestHash { get; init; }

    public required PaymentStatus Status { get; init; }

    public required Debtor Debtor { get; init; }

    public required string Description { get; init; }

    public string? Reference { get; init; }

    public required string TaxonomyCode { get; init; }

    public required PaymentExpiryPolicy ExpiryPolicy { get; init; }

    /// <summary>Σ of the notices' amounts.</summary>
    public long AmountCents => Options.Sum(o => o.AmountCents);

    public required IReadOnlyList<PaymentOptionRecord> Options { get; init; }

    /// <summary>Why pagoPA refused it, when <see cref="PaymentStatus.Failed"/>.</summary>
    public PaymentRefusal? Refusal { get; init; }

    public Guid? BatchId { get; init; }

    public int? BatchIndex { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When pagoPA's state was last recorded.</summary>
    public DateTimeOffset? SyncedAt { get; init; }

    /// <summary>Grows with every change; PATCH uses it to detect a concurrent change.</summary>
    public required long Version { get; init; }
}

/// <summary>One notice of a stored payment, with its payment data once paid.</summary>
public sealed record PaymentOptionRecord
{
    public required int Index { get; init; }

    public required NoticeNumber NoticeNumber { get; init; }

    public Iuv Iuv => NoticeNumber.Iuv;

    public required long AmountCents { get; init; }

    public required DateOnly DueDate { get; init; }

    public required IReadOnlyList<PaymentTransfer> Transfers { get; init; }

    public DebtOptionStatus Status { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    public string? ReceiptId { get; init; }

    public string? PspCompany { get; init; }

    public long? FeeCents { get; init; }
}
