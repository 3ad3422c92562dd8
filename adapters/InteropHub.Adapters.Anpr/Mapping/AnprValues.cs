using System.Globalization;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Mapping;

/// <summary>ANPR's scalar encodings, read leniently: a value the hub cannot read becomes null, never a failure.</summary>
internal static class AnprValues
{
    /// <summary>A <c>YYYY-MM-DD</c> date (a time part, if any, is ignored).</summary>
    public static DateOnly? Date(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary><c>M</c>/<c>F</c>.</summary>
    public static Sex? Sex(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "M" => Contracts.Registry.Sex.Male,
        "F" => Contracts.Registry.Sex.Female,
        _ => null,
    };

    /// <summary>The ANPR code of a sex, for verification requests.</summary>
    public static string? SexCode(Sex? sex) => sex switch
    {
        Contracts.Registry.Sex.Male => "M",
        Contracts.Registry.Sex.Female => "F",
        _ => null,
    };

    /// <summary><c>S</c>/<c>N</c> (sì/no); also <c>1</c>/<c>0</c>.</summary>
    public static bool? YesNo(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "S" or "1" => true,
        "N" or "0" => false,
        _ => null,
    };

    /// <summary>A text ANPR may send blank: null when empty.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
