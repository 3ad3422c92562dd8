using System.Globalization;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;

namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>
/// The hub's debt positions in GPD's v1 model and back: what the hub sends (<see cref="ToGpd"/>), what GPD answers
/// (<see cref="ToSnapshot"/>), and what a bulk creation that GPD answers without a body leaves (<see cref="AsCreated"/>).
/// </summary>
internal static class GpdPositionMapping
{
    public static GpdPaymentPosition ToGpd(DebtPosition position, string tenantFiscalCode)
    {
        ArgumentNullException.ThrowIfNull(position);
        var debtor = position.Debtor;
        return new GpdPaymentPosition
        {
            Iupd = position.Iupd,
            Type = debtor.Type == DebtorType.LegalPerson ? "G" : "F",
            FiscalCode = debtor.FiscalCode,
            FullName = debtor.FullName,
            StreetName = debtor.StreetName,
            CivicNumber = debtor.CivicNumber,
            PostalCode = debtor.PostalCode,
            City = debtor.City,
            Province = debtor.Province,
            Country = debtor.Country,
            Email = debtor.Email,
            CompanyName = position.CompanyName,
            SwitchToExpired = position.SwitchToExpired,
            ValidityDate = null,
            PaymentOption = [.. position.Options.Select(option => Option(option, tenantFiscalCode))],
        };
    }

    /// <summary>GPD's answer as a snapshot; a status the hub does not know is a 502, never a guess.</summary>
    public static DebtPositionSnapshot ToSnapshot(GpdPaymentPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new DebtPositionSnapshot
        {
            Iupd = position.Iupd,
            Status = PositionStatus(position.Status, position.Iupd),
            Options = [.. position.PaymentOption.Select(option => OptionSnapshot(option, position.Iupd))],
        };
    }

    /// <summary>A position GPD v2 created and published (it answers 201 without a body): valid, nothing paid yet.</summary>
    public static DebtPositionSnapshot AsCreated(DebtPosition position) => new()
    {
        Iupd = position.Iupd,
        Status = DebtPositionStatus.Valid,
        Options = [.. position.Options.Select(option => new DebtOptionSnapshot
        {
            Iuv = option.NoticeNumber.Iuv,
            AmountCents = option.AmountCents,
            Status = DebtOptionStatus.Unpaid,
        })],
    };

    private static GpdPaymentOption Option(DebtPositionOption option, string tenantFiscalCode) => new()
    {
        Iuv = option.NoticeNumber.Iuv.Value,
        Nav = option.NoticeNumber.Value,
        Amount = option.AmountCents,
        Description = option.Description,
        IsPartialPayment = option.IsInstallment,
        DueDate = option.DueAt.UtcDateTime,
        Transfer = [.. option.Transfers.Select(transfer => new GpdTransfer
        {
            IdTransfer = transfer.Index.ToString(CultureInfo.InvariantCulture),
            Amount = transfer.AmountCents,
            OrganizationFiscalCode = transfer.Beneficiary?.Value ?? tenantFiscalCode,
            RemittanceInformation = transfer.RemittanceInformation,
            Category = transfer.TaxonomyCode,
            Iban = transfer.Iban.Value,
        })],
    };

    private static DebtOptionSnapshot OptionSnapshot(GpdPaymentOption option, string iupd) => new()
    {
        Iuv = Iuv.TryReadLenient(option.Iuv, out var iuv) ? iuv : throw Unknown($"IUV '{option.Iuv}'", iupd),
        AmountCents = option.Amount,
        Status = OptionStatus(option.Status, iupd),
        PaidAt = option.PaymentDate is { } paid ? new DateTimeOffset(DateTime.SpecifyKind(paid, DateTimeKind.Utc)) : null,
        ReceiptId = option.IdReceipt,
        PspCompany = option.PspCompany,
        FeeCents = option.Fee,
    };

    private static DebtPositionStatus PositionStatus(string? status, string iupd) => status switch
    {
        "DRAFT" => DebtPositionStatus.Draft,
        "PUBLISHED" => DebtPositionStatus.Published,
        "VALID" => DebtPositionStatus.Valid,
        "INVALID" => DebtPositionStatus.Invalid,
        "EXPIRED" => DebtPositionStatus.Expired,
        "PARTIALLY_PAID" => DebtPositionStatus.PartiallyPaid,
        "PAID" => DebtPositionStatus.Paid,
        "REPORTED" => DebtPositionStatus.Reported,
        _ => throw Unknown($"position status '{status ?? "(none)"}'", iupd),
    };

    // Write answers (PaymentPositionModel) carry no option status; GPD accepts writes only on unpaid positions.
    private static DebtOptionStatus OptionStatus(string? status, string iupd) => status switch
    {
        null or "PO_UNPAID" => DebtOptionStatus.Unpaid,
        "PO_PAID" => DebtOptionStatus.Paid,
        "PO_PARTIALLY_REPORTED" => DebtOptionStatus.PartiallyReported,
        "PO_REPORTED" => DebtOptionStatus.Reported,
        _ => throw Unknown($"payment option status '{status}'", iupd),
    };

    private static HubProblemException Unknown(string what, string iupd) =>
        new(502, ErrorCodes.UpstreamRejected, "pagoPA answered what the hub cannot read",
            $"GPD answered an unknown {what} for position {iupd}.");
}
