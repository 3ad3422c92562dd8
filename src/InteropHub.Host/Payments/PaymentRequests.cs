using System.Text.Json.Serialization;

namespace InteropHub.Host.Payments;

/// <summary>
/// A payment to create: the debtor, what it is for, and either one <c>amount</c> with its <c>dueDate</c> or
/// <c>installments</c>. Amounts are integer euro cents; dates are YYYY-MM-DD (Europe/Rome).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PaymentRequest
{
    public DebtorRequest? Debtor { get; init; }

    /// <summary>What the payer reads on the notice (1 to 140 characters).</summary>
    public string? Description { get; init; }

    /// <summary>The comune's own reference (≤ 140 characters), echoed back; never sent to pagoPA.</summary>
    public string? Reference { get; init; }

    /// <summary>The whole amount in cents, for a payment made at once (omit with installments).</summary>
    public long? Amount { get; init; }

    /// <summary>The due date of a payment made at once.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>2 to 60 installments, each with its own notice number (omit with <c>amount</c>).</summary>
    public InstallmentRequest?[]? Installments { get; init; }

    /// <summary>
    /// 1 to 5 shares of a payment made at once, adding up to <c>amount</c>; omitted, everything goes to the comune's
    /// first IBAN. Installments carry their own.
    /// </summary>
    public TransferRequest?[]? Transfers { get; init; }

    /// <summary>The pagoPA taxonomy code of the service, e.g. <c>9/0101108TS/</c>.</summary>
    public string? TaxonomyCode { get; init; }

    /// <summary><c>payable-after-due</c> (default: late payments accepted) or <c>expire-at-due</c>.</summary>
    public string? ExpiryPolicy { get; init; }
}

/// <summary>The debtor: <c>type</c> F (natural person) or G (legal person), fiscal code, name, optional address and e-mail.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DebtorRequest
{
    public string? Type { get; init; }

    public string? FiscalCode { get; init; }

    public string? Name { get; init; }

    public AddressRequest? Address { get; init; }

    public string? Email { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record AddressRequest
{
    public string? Street { get; init; }

    public string? CivicNumber { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    /// <summary>Two-letter province code, e.g. BA.</summary>
    public string? Province { get; init; }

    /// <summary>ISO 3166 alpha-2, e.g. IT.</summary>
    public string? Country { get; init; }
}

/// <summary>One installment: its amount in cents, due date, and optionally its shares (as for a payment made at once).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record InstallmentRequest
{
    public long? Amount { get; init; }

    public DateOnly? DueDate { get; init; }

    public TransferRequest?[]? Transfers { get; init; }
}

/// <summary>A share: amount in cents, the IBAN credited, and the beneficiary comune's fiscal code when it is not the caller.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record TransferRequest
{
    public long? Amount { get; init; }

    public string? Iban { get; init; }

    public string? BeneficiaryFiscalCode { get; init; }

    /// <summary>The reason of payment the beneficiary reads (≤ 140 characters); the description when omitted.</summary>
    public string? Remittance { get; init; }
}

/// <summary>
/// A change to an unpaid payment: <c>description</c>, and for a payment made at once <c>amount</c> (with
/// <c>transfers</c> when it has several shares) and <c>dueDate</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PaymentPatchRequest
{
    public string? Description { get; init; }

    public long? Amount { get; init; }

    public DateOnly? DueDate { get; init; }

    public TransferRequest?[]? Transfers { get; init; }
}
