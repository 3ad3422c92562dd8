using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;

namespace InteropHub.Adapters.PagoPa.Tests.Notices;

/// <summary>Reads back what a generated PDF page holds: its text-showing strings and its bitmap images as luminance.</summary>
internal static class PdfInspection
{
    /// <summary>The page's strings in drawing order, one space between text operations (wrapped text is drawn word by word).</summary>
    public static string Text(PdfPage page)
    {
        var text = new StringBuilder();
        Collect(ContentReader.ReadContent(page), text);
        return text.ToString();
    }

    public static IEnumerable<(byte[] Luminance, int Width, int Height)> Images(PdfPage page)
    {
        var xobjects = page.Resources.Elements.GetDictionary("/XObject");
        foreach (var item in xobjects?.Elements.Values ?? Enumerable.Empty<PdfItem?>())
        {
            if (Resolve(item) is PdfDictionary image && image.Elements.GetName("/Subtype") == "/Image")
            {
                yield return Pixels(image);
            }
        }
    }

    private static (byte[] Luminance, int Width, int Height) Pixels(PdfDictionary image)
    {
        var width = image.Elements.GetInteger("/Width");
        var height = image.Elements.GetInteger("/Height");
        var bits = image.Elements.GetInteger("/BitsPerComponent");
        var data = image.Stream.UnfilteredValue;
        var colorSpace = Resolve(image.Elements["/ColorSpace"]);
        var stride = ((width * bits * Channels(colorSpace)) + 7) / 8;
        var luminance = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = data.AsSpan(y * stride, stride).ToArray();
            for (var x = 0; x < width; x++)
            {
                luminance[(y * width) + x] = colorSpace switch
                {
                    PdfArray indexed => PaletteGray(indexed, PngPixels.Sample(row, x, bits)),
                    PdfName { Value: "/DeviceRGB" } => (byte)((row[x * 3] + row[(x * 3) + 1] + row[(x * 3) + 2]) / 3),
                    _ => PngPixels.Scale(PngPixels.Sample(row, x, bits), bits),
                };
            }
        }

        return (luminance, width, height);
    }

    private static int Channels(PdfItem? colorSpace) => colorSpace is PdfName { Value: "/DeviceRGB" } ? 3 : 1;

    // [/Indexed /DeviceRGB hival lookup]: the lookup is a stream or a string of RGB triples.
    private static byte PaletteGray(PdfArray indexed, int index)
    {
        var lookup = Resolve(indexed.Elements[3]) switch
        {
            PdfDictionary stream => stream.Stream.UnfilteredValue,
            PdfString text => text.Value.Select(c => (byte)c).ToArray(),
            var other => throw new NotSupportedException($"Palette {other}"),
        };
        return (byte)((lookup[index * 3] + lookup[(index * 3) + 1] + lookup[(index * 3) + 2]) / 3);
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    private static void Collect(CObject content, StringBuilder text)
    {
        switch (content)
        {
            case COperator { OpCode.Name: "Tj" or "'" or "\"" or "TJ" } op:
                foreach (var operand in op.Operands)
                {
                    Collect(operand, text);
                }

                text.Append(' ');
                break;
            case CString s:
                text.Append(s.Value);
                break;
            case CSequence sequence:
                foreach (var item in sequence)
                {
                    Collect(item, text);
                }

                break;
        }
    }
}
