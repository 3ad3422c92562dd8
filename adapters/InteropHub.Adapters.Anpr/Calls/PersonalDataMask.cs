using System.Text.RegularExpressions;

namespace InteropHub.Adapters.Anpr.Calls;

/// <summary>Masks anything shaped like a personal fiscal code in upstream texts before they reach a caller or a log.</summary>
internal static partial class PersonalDataMask
{
    public static string Apply(string text) =>
        FiscalCodeShape().Replace(text, m => $"{m.Value[..3]}{new string('*', 12)}{m.Value[15]}");

    [GeneratedRegex("[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex FiscalCodeShape();
}
