using System.Globalization;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;

namespace InteropHub.Adapters.PagoPa.Receipts;

/// <summary>A Biz-Events receipt as the hub's <see cref="PaymentReceipt"/>: euro to cents exactly, the payment time with its offset.</summary>
internal static class BizEventsReceiptMapping
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static PaymentReceipt ToReceipt(BizEventsReceipt receipt, string iur, string iuv)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new PaymentReceipt
        {
            ReceiptId = string.IsNullOrEmpty(receipt.ReceiptId) ? iur : receipt.ReceiptId,
            Iuv = string.IsNullOrEmpty(receipt.CreditorReferenceId) ? iuv : receipt.CreditorReferenceId,
            NoticeNumber = receipt.NoticeNumber,
            Succeeded = receipt.Outcome switch
            {
                "OK" => true,
                "KO" => false,
                _ => throw Unreadable($"outcome '{receipt.Outcome ?? "(none)"}'", iur),
            },
            AmountCents = Cents(receipt.PaymentAmount ?? throw Unreadable("paymentAmount (none)", iur), "paymentAmount", iur),
            PaidAt = PaidAt(receipt, iur),
            PspId = receipt.IdPSP,
            PspName = receipt.PspCompanyName,
            FeeCents = receipt.Fee is { } fee ? Cents(fee, "fee", iur) : null,
        };
    }

    private static long Cents(decimal euro, string member, string iur)
    {
        var cents = euro * 100;
        return cents == decimal.Truncate(cents) && cents >= 0 && cents <= long.MaxValue
            ? (long)cents
            : throw Unreadable($"{member} {euro.ToString(CultureInfo.InvariantCulture)}", iur);
    }

    // The formatted member carries the offset; the plain one is the Node's Italian wall-clock time when it has none.
    private static DateTimeOffset? PaidAt(BizEventsReceipt receipt, string iur)
    {
        var text = !string.IsNullOrEmpty(receipt.PaymentDateTimeFormatted) ? receipt.PaymentDateTimeFormatted : receipt.PaymentDateTime;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw Unreadable($"payment date-time '{text}'", iur);
        }

        return parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, Rome.GetUtcOffset(parsed))
            : new DateTimeOffset(parsed.ToUniversalTime(), TimeSpan.Zero);
    }

    private static HubProblemException Unreadable(string what, string iur) =>
        new(502, ErrorCodes.UpstreamRejected, "pagoPA answered what the hub cannot read", $"Biz-Events answered an unreadable {what} for receipt {iur}.");
}
