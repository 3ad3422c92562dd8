using System.Text.RegularExpressions;

namespace InteropHub.Contracts.Values;

/// <summary>
/// The one mask of personal fiscal codes (<c>PRV************Q</c>: the three surname letters and the check character,
/// length kept, so lines stay correlatable): of a code, and of every code-shaped word in a text (logs, upstream messages).
/// </summary>
public static partial class FiscalCodeMask
{
    /// <summary>The masked form of a 16-character code.</summary>
    public static string Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == 16 ? string.Concat(code.AsSpan(0, 3), "************", code.AsSpan(15, 1)) : new string('*', code.Length);
    }

    /// <summary><paramref name="text"/> with every word shaped like a personal fiscal code masked.</summary>
    public static string InText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length < 16 ? text : Shape().Replace(text, match => Of(match.Value));
    }

    // A whole word: 6 letters, 2 digits (omocodia letters allowed), month letter, 2 digits, a letter, 3 digits, check letter.
    [GeneratedRegex("(?<![A-Za-z0-9])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
