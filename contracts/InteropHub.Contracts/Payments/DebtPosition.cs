using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Payments;

/// <summary>
/// A debt position as the hub sends it to pagoPA: who owes, to which comune, and the notices that can settle it — one
/// for a single payment, one per installment for a plan.
/// </summary>
public sealed record DebtPosition
{
    /// <summary>The hub's unique id of the position at the creditor (GPD's <c>iupd</c>).</summary>
    public required string Iupd { get; init; }

    public required Debtor Debtor { get; init; }

    /// <summary>The creditor's name as printed and shown to the payer (≤ 140 characters).</summary>
    public required string CompanyName { get; init; }

    /// <summary>True when the position becomes unpayable (EXPIRED) once its due date passes.</summary>
    public bool SwitchToExpired { get; init; }

    public required IReadOnlyList<DebtPositionOption> Options { get; init; }
}

/// <summary>The debtor: a natural person (codice fiscale) or a legal person (11-digit fiscal code), with optional address and e-mail.</summary>
public sealed record Debtor
{
    public required DebtorType Type { get; init; }

    /// <summary>The codice fiscale or the 11-digit fiscal code, upper case.</summary>
    public required string FiscalCode { get; init; }

    public required string FullName { get; init; }

    public string? StreetName { get; init; }

    public string? CivicNumber { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    /// <summary>Two-letter province code, e.g. <c>BA</c>.</summary>
    public string? Province { get; init; }

    /// <summary>ISO 3166 alpha-2, e.g. <c>IT</c>.</summary>
    public string? Country { get; init; }

    public string? Email { get; init; }
}

/// <summary>GPD's <c>type</c>: <c>F</c> natural person, <c>G</c> legal person.</summary>
public enum DebtorType
{
    NaturalPerson,
    LegalPerson,
}

/// <summary>One payable notice of a position: the whole amount, or one installment of a plan.</summary>
public sealed record DebtPositionOption
{
    public required NoticeNumber NoticeNumber { get; init; }

    public required long AmountCents { get; init; }

    /// <summary>What the payer reads (≤ 140 characters).</summary>
    public required string Description { get; init; }

    /// <summary>The instant the notice falls due (the end of its due day in Italy).</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>True for an installment of a plan (GPD's <c>isPartialPayment</c>).</summary>
    public bool IsInstallment { get; init; }

    /// <summary>One to five shares, whose amounts add up to <see cref="AmountCents"/>.</summary>
    public required IReadOnlyList<DebtTransfer> Transfers { get; init; }
}

/// <summary>A share of a notice credited to one beneficiary: the tenant itself, or another comune with its own IBAN.</summary>
public sealed record DebtTransfer
{
    /// <summary>1 to 5, the share's position in the notice (GPD's <c>idTransfer</c>).</summary>
    public required int Index { get; init; }

    public required long AmountCents { get; init; }

    /// <summary>The beneficiary when it is not the tenant.</summary>
    public OrganizationFiscalCode? Beneficiary { get; init; }

    public required Iban Iban { get; init; }

    /// <summary>The reason of payment the beneficiary reads (≤ 140 characters).</summary>
    public required string RemittanceInformation { get; init; }

    /// <summary>The pagoPA taxonomy code of the service, e.g. <c>9/0101108TS/</c>.</summary>
    public required string TaxonomyCode { get; init; }
}
