using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Payments;

/// <summary>What a printed pagoPA notice shows: creditor, debtor, subject and one part per installment (one part when paid at once).</summary>
public sealed record PaymentNotice
{
    public required string CreditorName { get; init; }

    public required OrganizationFiscalCode CreditorFiscalCode { get; init; }

    public required string DebtorName { get; init; }

    /// <summary>The debtor's codice fiscale or partita IVA, as printed; a person's or a company's.</summary>
    public required string DebtorFiscalCode { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<PaymentNoticePart> Parts { get; init; }
}

/// <summary>One payable part of a notice: its own notice number, amount and due date, hence its own QR code.</summary>
public sealed record PaymentNoticePart(NoticeNumber NoticeNumber, long AmountCents, DateOnly DueDate);
