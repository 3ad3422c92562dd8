using System.Text.RegularExpressions;
using InteropHub.Contracts.Values;

namespace InteropHub.Host.Logging;

/// <summary>
/// What must never reach a log, masked wherever it appears (message, exception, scopes — the request path of a
/// registry read carries a codice fiscale): fiscal codes of persons, JWTs (vouchers, assertions, ModI tokens), and the
/// hub's API keys.
/// </summary>
internal static partial class LogRedaction
{
    public static string Redact(string text) =>
        text.Length < 16 ? text : ApiKey().Replace(Jwt().Replace(FiscalCodeMask.InText(text), "[jwt]"), "[api-key]");

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"ihk_[A-Za-z0-9_-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKey();
}
