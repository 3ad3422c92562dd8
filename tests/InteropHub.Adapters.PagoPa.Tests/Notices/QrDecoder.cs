using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace InteropHub.Adapters.PagoPa.Tests.Notices;

/// <summary>Reads a QR code back from a luminance array with ZXing, as a phone would.</summary>
internal static class QrDecoder
{
    public static Result Decode(byte[] luminance, int width, int height)
    {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        return new QRCodeReader().decode(bitmap, hints) ?? throw new InvalidOperationException("ZXing found no QR code.");
    }
}
