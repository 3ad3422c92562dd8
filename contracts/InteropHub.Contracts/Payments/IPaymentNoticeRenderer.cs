namespace InteropHub.Contracts.Payments;

/// <summary>Draws what a citizen pays with: the notice's QR code, and the printable A4 pagoPA notice.</summary>
public interface IPaymentNoticeRenderer
{
    /// <summary>The QR code of <paramref name="payload"/> (see <see cref="PaymentQr.Payload"/>) as a PNG image.</summary>
    byte[] QrPng(string payload);

    /// <summary>The QR code of <paramref name="payload"/> as an SVG document.</summary>
    string QrSvg(string payload);

    /// <summary>The A4 PDF payment notice, laid out after pagoPA's notice model: one part per installment.</summary>
    byte[] NoticePdf(PaymentNotice notice);
}
