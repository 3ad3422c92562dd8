using System.Globalization;
using System.Text.RegularExpressions;
using InteropHub.Adapters.PagoPa.Notices;
using ZXing;

namespace InteropHub.Adapters.PagoPa.Tests.Notices;

public sealed class PaymentQrImageTests
{
    private const string Payload = "PAGOPA|002|301000000000000144|80015010723|12345";

    [Fact]
    public void Png_decodes_back_to_the_exact_payload_as_a_version_4_code_with_error_correction_M()
    {
        var (luminance, width, height) = PngPixels.Decode(PaymentQrImage.Png(Payload, pixelsPerModule: 4));

        var result = QrDecoder.Decode(luminance, width, height);

        Assert.Equal(Payload, result.Text);
        Assert.Equal(BarcodeFormat.QR_CODE, result.BarcodeFormat);
        Assert.Equal("M", result.ResultMetadata[ResultMetadataType.ERROR_CORRECTION_LEVEL]);
        Assert.Equal((33 + 8) * 4, width); // 33 modules of version 4 plus the quiet zone
        Assert.Equal(width, height);
    }

    [Fact]
    public void Svg_is_a_square_svg_document_of_the_same_version_4_code()
    {
        var svg = PaymentQrImage.Svg(Payload);

        Assert.StartsWith("<svg", svg.TrimStart(), StringComparison.Ordinal);
        var viewBox = Regex.Match(svg, "viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"");
        Assert.True(viewBox.Success, svg[..Math.Min(200, svg.Length)]);
        Assert.Equal(viewBox.Groups[1].Value, viewBox.Groups[2].Value);
        Assert.Equal(0, double.Parse(viewBox.Groups[1].Value, CultureInfo.InvariantCulture) % 41); // 33 modules + quiet zone
    }
}
