using System.Globalization;
using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Payments;

/// <summary>
/// The text of the QR code printed on a pagoPA notice:
/// <c>PAGOPA|002|&lt;NAV 18&gt;|&lt;EC fiscal code 11&gt;|&lt;amount in euro cents&gt;</c>, cents unpadded
/// (docs/platforms/pagopa.md §4; docs.pagopa.it/avviso-pagamento/allegato-2/specifiche-tecniche/dati-per-il-pagamento/codice-qr).
/// </summary>
public static class PaymentQr
{
    public static string Payload(NoticeNumber noticeNumber, OrganizationFiscalCode creditorFiscalCode, long amountCents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCents);
        return string.Create(CultureInfo.InvariantCulture, $"PAGOPA|002|{noticeNumber.Value}|{creditorFiscalCode.Value}|{amountCents}");
    }
}
