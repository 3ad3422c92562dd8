namespace InteropHub.Sandbox.PagoPa;

/// <summary>
/// A citizen paying one notice: the organization and the notice number (NAV) or IUV; the amount, when given, must
/// be the option's. PSP data default to a sandbox PSP; the payment time to the sandbox clock.
/// </summary>
public sealed record PagoPaPayment(string OrganizationFiscalCode, string? NoticeNumber = null, string? Iuv = null)
{
    public long? Amount { get; init; }

    public string PspId { get; init; } = "SANDBOXPSP01";

    public string PspName { get; init; } = "Sandbox PSP S.p.A.";

    /// <summary>The PSP's fee in euro cents, paid by the citizen on top of the amount.</summary>
    public long Fee { get; init; } = 100;

    public string PaymentMethod { get; init; } = "CP";

    public DateTimeOffset? PaymentDateTime { get; init; }

    /// <summary>The receipt id (IUR); a new one when null.</summary>
    public string? ReceiptId { get; init; }
}

/// <summary>The receipt GPD stores when a notice is paid (docs/platforms/pagopa.md §2, ctReceiptV2 subset); amounts in euro cents, time in UTC.</summary>
public sealed record PagoPaReceipt(
    string ReceiptId,
    string OrganizationFiscalCode,
    string Iupd,
    string NoticeNumber,
    string Iuv,
    long Amount,
    long Fee,
    string PspId,
    string PspName,
    string PaymentMethod,
    DateTime PaymentDateTime,
    GpdPositionStatus PositionStatus);
