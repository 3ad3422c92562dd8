using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using InteropHub.Contracts.Registry;

namespace InteropHub.Contracts.Values;

/// <summary>
/// The 16-character codice fiscale of a natural person (DM Finanze 23 dicembre 1976 n. 13813), parsed before any
/// upstream call: six letters, the birth year, month letter and day (+40 for women), the place code and the check
/// character; the digits of positions 7, 8, 10, 11, 13, 14 and 15 may be omocodia letters (<c>L…V</c> for 0…9).
/// Lower case and surrounding white space are accepted; anything else — an 11-digit code of a legal person, an
/// impossible date such as 30 February, a wrong check character, non-ASCII look-alikes — is refused.
/// </summary>
/// <remarks>
/// It is personal data: <see cref="ToString"/> masks it (<c>PRV************Q</c>: the three surname letters and the
/// check character, length kept) so accidental logging never shows it; <see cref="Value"/> is the code for the wire.
/// Omocodia letters are kept as given, because an omocodic code is a different code, and the order of substitution
/// is not enforced (as in the reference implementations); ANPR remains the authority on whether the code exists.
/// </remarks>
[JsonConverter(typeof(FiscalCodeJsonConverter))]
public readonly record struct FiscalCode
{
    private const string MonthLetters = "ABCDEHLMPRST";
    private const string OmocodiaLetters = "LMNPQRSTUV";

    // Odd positions (1-based) of the check-character algorithm: 0/A=1, 1/B=0, 2/C=5, … (docs/platforms/anpr.md §5).
    private static readonly int[] OddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    private readonly string? _value;

    private FiscalCode(string value) => _value = value;

    /// <summary>The code in upper case, exactly 16 ASCII characters, omocodia letters as given: what is sent upstream.</summary>
    public string Value => _value ?? throw new InvalidOperationException("Uninitialised FiscalCode.");

    /// <summary>The sex encoded in the code (day of birth above 40 means female).</summary>
    public Sex Sex => Day() > 40 ? Sex.Female : Sex.Male;

    /// <summary>The place-of-birth code (codice catastale / Belfiore), omocodia decoded: <c>H501</c> is Rome, <c>Z…</c> a foreign state.</summary>
    public string BirthPlaceCode => new([Value[11], DecodeDigit(Value[12]), DecodeDigit(Value[13]), DecodeDigit(Value[14])]);

    /// <summary>
    /// The birth date encoded in the code, in the latest century that does not put it after
    /// <paramref name="reference"/> (the code carries two digits of the year, so a centenarian decodes a century late).
    /// ANPR's data, not this, is authoritative.
    /// </summary>
    public DateOnly BirthDateAsOf(DateOnly reference)
    {
        var yearOfCentury = (Decode(Value[6]) * 10) + Decode(Value[7]);
        var month = MonthLetters.IndexOf(Value[8], StringComparison.Ordinal) + 1;
        var day = Day() > 40 ? Day() - 40 : Day();
        var year = (reference.Year / 100 * 100) + yearOfCentury;
        if (year > reference.Year || (year == reference.Year && (month, day).CompareTo((reference.Month, reference.Day)) > 0))
        {
            year -= 100;
        }

        // 29 February of a century year that is not a leap year (1900) falls back to the day before.
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>Parses <paramref name="value"/>; throws <see cref="FormatException"/> (without echoing the input) when it is not a valid code.</summary>
    public static FiscalCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException("Not a valid 16-character codice fiscale of a natural person.");

    /// <summary>True and the code when <paramref name="value"/> is a valid codice fiscale of a natural person.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out FiscalCode code)
    {
        code = default;
        var candidate = value?.Trim();
        if (candidate is not { Length: 16 })
        {
            return false;
        }

        Span<char> upper = stackalloc char[16];
        for (var i = 0; i < 16; i++)
        {
            var c = candidate[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            upper[i] = char.ToUpperInvariant(c);
        }

        if (!HasShape(upper) || !HasRealDate(upper) || CheckCharacter(upper[..15]) != upper[15])
        {
            return false;
        }

        code = new FiscalCode(new string(upper));
        return true;
    }

    /// <summary>The masked form, e.g. <c>PRV************Q</c>; safe to log. <see cref="Value"/> is the code itself.</summary>
    public override string ToString() => _value is null ? "" : FiscalCodeMask.Of(_value);

    private int Day() => (Decode(Value[9]) * 10) + Decode(Value[10]);

    private static bool HasShape(ReadOnlySpan<char> code)
    {
        for (var i = 0; i < 16; i++)
        {
            var c = code[i];
            var valid = i switch
            {
                8 => MonthLetters.Contains(c, StringComparison.Ordinal),
                6 or 7 or 9 or 10 or 12 or 13 or 14 => char.IsAsciiDigit(c) || OmocodiaLetters.Contains(c, StringComparison.Ordinal),
                _ => char.IsAsciiLetterUpper(c),
            };
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    // The year is checked in the 2000s, where every two-digit year that can be leap is (2000 is, 1900 is not).
    private static bool HasRealDate(ReadOnlySpan<char> code)
    {
        var year = 2000 + (Decode(code[6]) * 10) + Decode(code[7]);
        var month = MonthLetters.IndexOf(code[8], StringComparison.Ordinal) + 1;
        var day = (Decode(code[9]) * 10) + Decode(code[10]);
        if (day > 40)
        {
            day -= 40;
        }

        return day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static char CheckCharacter(ReadOnlySpan<char> first15)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var ordinal = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? OddValues[ordinal] : ordinal;
        }

        return (char)('A' + (sum % 26));
    }

    private static int Decode(char c) => char.IsAsciiDigit(c) ? c - '0' : OmocodiaLetters.IndexOf(c, StringComparison.Ordinal);

    private static char DecodeDigit(char c) => (char)('0' + Decode(c));

    /// <summary>Writes <see cref="Value"/> as a JSON string and reads one, refusing an invalid code.</summary>
    private sealed class FiscalCodeJsonConverter : JsonConverter<FiscalCode>
    {
        public override FiscalCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var code)
                ? code
                : throw new JsonException("Not a valid 16-character codice fiscale of a natural person.");

        public override void Write(Utf8JsonWriter writer, FiscalCode value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
