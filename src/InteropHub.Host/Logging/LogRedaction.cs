using System.Text.RegularExpressions;

namespace InteropHub.Host.Logging;

/// <summary>
/// What must never reach a log, masked wherever it appears (message, exception, scopes — the request path of a
/// registry read carries a codice fiscale): fiscal codes of persons, JWTs (vouchers, assertions, ModI tokens), and the
/// hub's API keys.
/// </summary>
internal static partial class LogRedaction
{
    public static string Redact(string text) =>
        text.Length < 16 ? text : ApiKey().Replace(Jwt().Replace(FiscalCode().Replace(text, MaskFiscalCode), "[jwt]"), "[api-key]");

    // Keep the first three letters and the check character, as FiscalCode.ToString() does, so lines stay correlatable.
    private static string MaskFiscalCode(Match match) => string.Concat(match.Value.AsSpan(0, 3), "************", match.Value.AsSpan(15, 1));

    // 6 letters, 2 digits (omocodia letters allowed), month letter, 2 digits, a letter, 3 digits, check letter.
    [GeneratedRegex("(?<![A-Za-z0-9])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex FiscalCode();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"ihk_[A-Za-z0-9_-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKey();
}
