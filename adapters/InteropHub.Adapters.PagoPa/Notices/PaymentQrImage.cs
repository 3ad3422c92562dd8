using QRCoder;

namespace InteropHub.Adapters.PagoPa.Notices;

/// <summary>
/// The notice's QR code as an image: ISO/IEC 18004 version 4 (33×33 modules), error correction M, byte mode, with
/// the 4-module quiet zone (docs/platforms/pagopa.md §4; docs.pagopa.it/avviso-pagamento allegato 2, "Codice QR").
/// </summary>
internal static class PaymentQrImage
{
    private const int Version = 4;

    private static readonly byte[] OpaqueBlack = [0, 0, 0, 255];
    private static readonly byte[] OpaqueWhite = [255, 255, 255, 255];

    /// <summary>A black-on-white PNG, <paramref name="pixelsPerModule"/> pixels per module.</summary>
    /// <remarks>Explicit opaque colours make a 1-bit palette PNG, which PDFsharp embeds; its default 1-bit grey PNG it refuses.</remarks>
    public static byte[] Png(string payload, int pixelsPerModule = 10)
    {
        using var data = Encode(payload);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, OpaqueBlack, OpaqueWhite);
    }

    /// <summary>A scalable SVG document of the same code.</summary>
    public static string Svg(string payload)
    {
        using var data = Encode(payload);
        return new SvgQRCode(data).GetGraphic(10);
    }

    private static QRCodeData Encode(string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        return QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M, requestedVersion: Version);
    }
}
