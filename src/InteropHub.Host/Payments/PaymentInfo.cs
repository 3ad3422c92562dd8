using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Values;
using InteropHub.Core.Payments;

namespace InteropHub.Host.Payments;

/// <summary>
/// A payment as the API shows it: <c>status</c> is pending, payable, partially-paid, paid, reported, cancelled, expired
/// or failed; <c>notices</c> holds one notice per installment (one for a payment made at once), each with its notice
/// number, QR text and, once paid, the receipt data.
/// </summary>
internal sealed record PaymentInfo(
    Guid Id,
    string Iupd,
    string Status,
    long Amount,
    string Description,
    string? Reference,
    string TaxonomyCode,
    string ExpiryPolicy,
    DebtorInfo Debtor,
    NoticeInfo[] Notices,
    PaymentFailureInfo? Failure,
    Guid? BatchId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SyncedAt)
{
    public static PaymentInfo From(PaymentRecord payment, OrganizationFiscalCode creditor)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var debtor = payment.Debtor;
        var address = debtor.StreetName ?? debtor.CivicNumber ?? debtor.PostalCode ?? debtor.City ?? debtor.Province ?? debtor.Country;
        return new PaymentInfo(
            payment.Id,
            payment.Iupd,
            Name(payment.Status),
            payment.AmountCents,
            payment.Description,
            payment.Reference,
            payment.TaxonomyCode,
            payment.ExpiryPolicy == PaymentExpiryPolicy.ExpireAtDue ? "expire-at-due" : "payable-after-due",
            new DebtorInfo(
                debtor.Type == DebtorType.LegalPerson ? "G" : "F",
                debtor.FiscalCode,
                debtor.FullName,
                address is null ? null : new AddressInfo(debtor.StreetName, debtor.CivicNumber, debtor.PostalCode, debtor.City, debtor.Province, debtor.Country),
                debtor.Email),
            [.. payment.Options.Select(o => NoticeInfo.From(o, creditor))],
            payment.Refusal is { } refusal ? new PaymentFailureInfo(refusal.Code, refusal.PlatformTitle, refusal.Detail) : null,
            payment.BatchId,
            payment.CreatedAt,
            payment.UpdatedAt,
            payment.SyncedAt);
    }

    public static string Name(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "pending",
        PaymentStatus.Payable => "payable",
        PaymentStatus.PartiallyPaid => "partially-paid",
        PaymentStatus.Paid => "paid",
        PaymentStatus.Reported => "reported",
        PaymentStatus.Cancelled => "cancelled",
        PaymentStatus.Expired => "expired",
        _ => "failed",
    };

    public static PaymentStatus? Parse(string name) =>
        Enum.GetValues<PaymentStatus>().Select(s => (PaymentStatus?)s).FirstOrDefault(s => Name(s!.Value) == name);
}

internal sealed record DebtorInfo(string Type, string FiscalCode, string Name, AddressInfo? Address, string? Email);

internal sealed record AddressInfo(string? Street, string? CivicNumber, string? PostalCode, string? City, string? Province, string? Country);

/// <summary>One notice: <c>index</c> counts from 1 (the installment's number); <c>status</c> is unpaid, paid, partially-reported or reported; <c>qrCode</c> is the text of its QR code.</summary>
internal sealed record NoticeInfo(
    int Index,
    string NoticeNumber,
    string Iuv,
    long Amount,
    DateOnly DueDate,
    string Status,
    string QrCode,
    TransferInfo[] Transfers,
    DateTimeOffset? PaidAt,
    string? ReceiptId,
    string? Psp,
    long? Fee)
{
    public static NoticeInfo From(PaymentOptionRecord option, OrganizationFiscalCode creditor) => new(
        option.Index + 1,
        option.NoticeNumber.Value,
        option.Iuv.Value,
        option.AmountCents,
        option.DueDate,
        option.Status switch
        {
            DebtOptionStatus.Paid => "paid",
            DebtOptionStatus.PartiallyReported => "partially-reported",
            DebtOptionStatus.Reported => "reported",
            _ => "unpaid",
        },
        PaymentQr.Payload(option.NoticeNumber, creditor, option.AmountCents),
        [.. option.Transfers.Select(t => new TransferInfo(t.Index, t.AmountCents, t.Iban.Value, t.BeneficiaryFiscalCode, t.RemittanceInformation))],
        option.PaidAt,
        option.ReceiptId,
        option.PspCompany,
        option.FeeCents);
}

internal sealed record TransferInfo(int Index, long Amount, string Iban, string? BeneficiaryFiscalCode, string? Remittance);

/// <summary>Why pagoPA refused the payment: the hub's code, pagoPA's own title, a detail.</summary>
internal sealed record PaymentFailureInfo(string Code, string? PlatformTitle, string Detail);

/// <summary>One page of payments, newest first.</summary>
internal sealed record PaymentListInfo(int Page, int PageSize, int Total, PaymentInfo[] Items);
