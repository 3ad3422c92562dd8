using System.Buffers.Binary;
using System.IO.Compression;

namespace InteropHub.Adapters.PagoPa.Tests.Notices;

/// <summary>
/// Just enough of a PNG decoder (non-interlaced grayscale, palette, RGB, RGBA; 1–8 bits) to turn a QR code image
/// into the luminance array ZXing reads, since the test machine has no imaging library.
/// </summary>
internal static class PngPixels
{
    public static (byte[] Luminance, int Width, int Height) Decode(byte[] png)
    {
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    Assert.Equal(0, data[12]); // not interlaced
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            offset += length + 12;
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {colorType}") };
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var rows = Unfilter(inflated.ToArray(), width, height, bitDepth * channels);
        var luminance = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                luminance[(y * width) + x] = colorType switch
                {
                    0 or 4 => Scale(Sample(rows[y], x * channels, bitDepth), bitDepth),
                    3 => Gray(palette, Sample(rows[y], x, bitDepth) * 3),
                    _ => Gray(rows[y], x * channels),
                };
            }
        }

        return (luminance, width, height);
    }

    /// <summary>Reverses the PNG (and PDF predictor 10–15) row filters: None, Sub, Up, Average, Paeth.</summary>
    public static byte[][] Unfilter(byte[] data, int width, int height, int bitsPerPixel)
    {
        var stride = ((width * bitsPerPixel) + 7) / 8;
        var bpp = Math.Max(1, bitsPerPixel / 8);
        var rows = new byte[height][];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var row = data.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                row[i] += filter switch
                {
                    0 => 0,
                    1 => (byte)a,
                    2 => (byte)b,
                    3 => (byte)((a + b) / 2),
                    4 => (byte)Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                };
            }

            rows[y] = row;
            previous = row;
        }

        return rows;
    }

    public static int Sample(byte[] row, int index, int bitDepth)
    {
        if (bitDepth == 8)
        {
            return row[index];
        }

        var bit = index * bitDepth;
        return (row[bit / 8] >> (8 - bitDepth - (bit % 8))) & ((1 << bitDepth) - 1);
    }

    public static byte Scale(int sample, int bitDepth) => (byte)(sample * 255 / ((1 << bitDepth) - 1));

    private static byte Gray(ReadOnlySpan<byte> rgb, int index) => (byte)((rgb[index] + rgb[index + 1] + rgb[index + 2]) / 3);

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
