using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace InteropHub.Adapters.PagoPa.Notices;

/// <summary>
/// Gives PDFsharp (whose core build finds no system fonts on Linux) DejaVu Sans regular and bold from the
/// distribution's font folder, whatever family is asked for.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";
    private const string FontFolder = "/usr/share/fonts/truetype/dejavu";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    public static DejaVuFontResolver Instance { get; } = new();

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, static face =>
    {
        var path = Path.Combine(FontFolder, face + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"Payment notices need the DejaVu fonts (Debian package fonts-dejavu-core); {path} is missing.", path);
    });
}
