using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InteropHub.Contracts.Payments;

/// <summary>
/// An International Bank Account Number (ISO 13616): country code, two check digits, BBAN; the whole moved
/// four characters left, letters as 10–35, is 1 mod 97. Spaces are dropped and letters upper-cased; the length must
/// be the one of the country (SEPA countries are known, others refused), and an Italian BBAN must be
/// CIN letter + ABI (5 digits) + CAB (5 digits) + account (12 alphanumerics).
/// </summary>
[JsonConverter(typeof(IbanJsonConverter))]
public readonly record struct Iban
{
    // IBAN registry (SWIFT), SEPA countries plus the Holy See and San Marino, which Italian comuni meet most.
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27,
        ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["VA"] = 22,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly string? _value;

    private Iban(string value) => _value = value;

    /// <summary>The electronic form: upper case, no spaces.</summary>
    public string Value => _value ?? throw new InvalidOperationException("Uninitialised Iban.");

    public string CountryCode => Value[..2];

    /// <summary>The paper form, in groups of four: <c>IT60 X054 2811 1010 0000 0123 456</c>.</summary>
    public string Grouped => string.Join(' ', Value.Chunk(4).Select(group => new string(group)));

    public static Iban Parse(string value) =>
        TryParse(value, out var iban) ? iban : throw new FormatException("Not a valid IBAN.");

    public static bool TryParse([NotNullWhen(true)] string? value, out Iban iban)
    {
        iban = default;
        if (value is null)
        {
            return false;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == ' ')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        var candidate = builder.ToString();
        if (candidate.Length < 4
            || !char.IsAsciiLetter(candidate[0]) || !char.IsAsciiLetter(candidate[1])
            || !char.IsAsciiDigit(candidate[2]) || !char.IsAsciiDigit(candidate[3])
            || !Lengths.TryGetValue(candidate[..2], out var length) || candidate.Length != length
            || (candidate.StartsWith("IT", StringComparison.Ordinal) && !IsItalianBban(candidate.AsSpan(4)))
            || Mod97(candidate) != 1)
        {
            return false;
        }

        iban = new Iban(candidate);
        return true;
    }

    public override string ToString() => _value ?? "";

    private static bool IsItalianBban(ReadOnlySpan<char> bban)
    {
        if (!char.IsAsciiLetter(bban[0]))
        {
            return false;
        }

        foreach (var c in bban[1..11])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Mod97(string iban)
    {
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }

    /// <summary>Writes <see cref="Value"/> as a JSON string and reads one, refusing an invalid IBAN.</summary>
    private sealed class IbanJsonConverter : JsonConverter<Iban>
    {
        public override Iban Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var iban)
                ? iban
                : throw new JsonException("Not a valid IBAN.");

        public override void Write(Utf8JsonWriter writer, Iban value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
