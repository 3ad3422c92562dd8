using System.Globalization;

namespace InteropHub.Adapters.PagoPa.Notices;

/// <summary>Amounts and dates as an Italian notice prints them, without depending on the machine's culture data.</summary>
internal static class ItalianFormat
{
    /// <summary><c>123456</c> cents → <c>1.234,56</c>.</summary>
    public static string Euro(long cents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cents);
        var euros = (cents / 100).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
        return string.Create(CultureInfo.InvariantCulture, $"{euros},{cents % 100:D2}");
    }

    /// <summary>31 March 2026 → <c>31/03/2026</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>The notice number in groups of four, as on the official model: <c>3010 0000 0000 0001 44</c>.</summary>
    public static string Grouped(string digits) => string.Join(' ', digits.Chunk(4).Select(group => new string(group)));
}
