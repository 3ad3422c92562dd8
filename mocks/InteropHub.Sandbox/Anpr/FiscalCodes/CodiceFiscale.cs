namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// The codice fiscale of a person (DM Finanze 23/12/1976 n. 13813; docs/platforms/anpr.md §5): format, omocodia and check
/// character. Written apart from the hub's own parser on purpose, so that each can be checked against the other.
/// </summary>
public static class CodiceFiscale
{
    public const int Length = 16;

    /// <summary>The positions (0-based) whose digits omocodia replaces, in the order it replaces them: rightmost first.</summary>
    private static readonly int[] OmocodiaPositions = [14, 13, 12, 10, 9, 7, 6];

    /// <summary>0→L, 1→M, … 9→V.</summary>
    private const string OmocodiaLetters = "LMNPQRSTUV";

    /// <summary>January … December.</summary>
    private const string MonthLetters = "ABCDEHLMPRST";

    /// <summary>The value of a character in an odd position (1-based), indexed by digit or by letter: 0/A=1, 1/B=0, 2/C=5, …</summary>
    private static readonly int[] OddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    /// <summary>Whether the code is a well-formed personal codice fiscale (omocodic or not) with a real month, day and the right check character.</summary>
    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != Length || !HasLayout(code))
        {
            return false;
        }

        var decoded = Decode(code);
        var month = MonthLetters.IndexOf(decoded[8], StringComparison.Ordinal) + 1;
        var day = int.Parse(decoded.AsSpan(9, 2), provider: null);
        day = day > 40 ? day - 40 : day;

        // Any year's 29 February is allowed: the century is not in the code.
        return day >= 1 && day <= DateTime.DaysInMonth(2000, month) && CheckCharacter(code.AsSpan(0, 15)) == code[15];
    }

    /// <summary>The check character of the first fifteen characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first15)
    {
        if (first15.Length != 15)
        {
            throw new ArgumentException("The check character is computed over exactly 15 characters.", nameof(first15));
        }

        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var index = c is >= '0' and <= '9' ? c - '0'
                : c is >= 'A' and <= 'Z' ? c - 'A'
                : throw new ArgumentException($"'{c}' cannot appear in a codice fiscale.", nameof(first15));

            // Positions are counted from 1: index 0 is the first, odd, position.
            sum += i % 2 == 0 ? OddValues[index] : index;
        }

        return (char)('A' + (sum % 26));
    }

    /// <summary>
    /// The omocodia variant with the given number of substitutions (1–7), rightmost digit first, check character
    /// recomputed: what the Agenzia delle Entrate assigns when a base code is already taken.
    /// </summary>
    public static string Omocode(string code, int substitutions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(substitutions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(substitutions, OmocodiaPositions.Length);
        if (!IsValid(code))
        {
            throw new ArgumentException("Only a valid codice fiscale has omocodia variants.", nameof(code));
        }

        var chars = Decode(code).ToCharArray();
        foreach (var position in OmocodiaPositions.Take(substitutions))
        {
            chars[position] = OmocodiaLetters[chars[position] - '0'];
        }

        chars[15] = CheckCharacter(chars.AsSpan(0, 15));
        return new string(chars);
    }

    /// <summary>Whether a valid code carries omocodia letters.</summary>
    public static bool IsOmocode(string code) => IsValid(code) && OmocodiaPositions.Any(p => char.IsLetter(code[p]));

    /// <summary>The base code of an omocodic one (letters back to digits, check character recomputed); a base code is returned as it is.</summary>
    public static string BaseCode(string code)
    {
        if (!IsValid(code))
        {
            throw new ArgumentException("Not a valid codice fiscale.", nameof(code));
        }

        var chars = Decode(code).ToCharArray();
        chars[15] = CheckCharacter(chars.AsSpan(0, 15));
        return new string(chars);
    }

    private static bool HasLayout(string code)
    {
        for (var i = 0; i < Length; i++)
        {
            var c = code[i];
            var ok = i switch
            {
                6 or 7 or 9 or 10 or 12 or 13 or 14 => char.IsAsciiDigit(c) || OmocodiaLetters.Contains(c, StringComparison.Ordinal),
                8 => MonthLetters.Contains(c, StringComparison.Ordinal),
                _ => char.IsAsciiLetterUpper(c),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The code with omocodia letters turned back into digits (the check character is left as it is).</summary>
    private static string Decode(string code)
    {
        var chars = code.ToCharArray();
        foreach (var position in OmocodiaPositions)
        {
            var letter = OmocodiaLetters.IndexOf(chars[position], StringComparison.Ordinal);
            if (letter >= 0)
            {
                chars[position] = (char)('0' + letter);
            }
        }

        return new string(chars);
    }
}
