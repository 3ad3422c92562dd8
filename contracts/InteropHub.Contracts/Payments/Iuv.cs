using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InteropHub.Contracts.Payments;

/// <summary>
/// The 17-digit Identificativo Univoco di Versamento of a notice with aux digit 3: segregation code (2 digits),
/// a 13-digit sequence and 2 check digits equal to <c>int("3" + first 15 digits) mod 93</c> (docs/platforms/pagopa.md §4, SACI §2).
/// </summary>
/// <remarks>
/// <see cref="Parse"/>/<see cref="TryParse"/> are strict, for what the hub generates and accepts from its callers;
/// <see cref="FromPlatform"/>/<see cref="TryReadLenient"/> only check the shape, because pagoPA's own fixtures carry
/// IUVs with wrong check digits and the hub must still read them back (docs/platforms/pagopa.md §7).
/// </remarks>
[JsonConverter(typeof(IuvJsonConverter))]
public readonly record struct Iuv
{
    public const int Length = 17;

    /// <summary>The largest 13-digit sequence an IUV can carry.</summary>
    public const long MaxSequence = 9_999_999_999_999;

    private readonly string? _value;

    private Iuv(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("Uninitialised Iuv.");

    /// <summary>The two-digit segregation code that routes the payment to the intermediary's station.</summary>
    public string SegregationCode => Value[..2];

    /// <summary>The 13-digit sequence between the segregation code and the check digits.</summary>
    public long Sequence => long.Parse(Value.AsSpan(2, 13), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>True when the last two digits are the mod-93 check of the rest; always true for a strictly parsed IUV.</summary>
    public bool HasValidCheckDigits => CheckDigits(Value.AsSpan(0, 15)) == Value[15..];

    /// <summary>The IUV of <paramref name="sequence"/> under <paramref name="segregationCode"/>, check digits computed.</summary>
    public static Iuv Create(string segregationCode, long sequence)
    {
        ArgumentNullException.ThrowIfNull(segregationCode);
        if (segregationCode.Length != 2 || !segregationCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A segregation code is exactly two digits.", nameof(segregationCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        var first15 = string.Create(CultureInfo.InvariantCulture, $"{segregationCode}{sequence:D13}");
        return new Iuv(first15 + CheckDigits(first15));
    }

    public static Iuv Parse(string value) =>
        TryParse(value, out var iuv) ? iuv : throw new FormatException("Not a 17-digit IUV with valid mod-93 check digits.");

    /// <summary>True and the IUV when <paramref name="value"/> is 17 digits whose check digits are right.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Iuv iuv)
    {
        if (TryReadLenient(value, out iuv) && iuv.HasValidCheckDigits)
        {
            return true;
        }

        iuv = default;
        return false;
    }

    /// <summary>Reads an IUV sent by pagoPA: 17 digits, check digits not enforced.</summary>
    public static Iuv FromPlatform(string value) =>
        TryReadLenient(value, out var iuv) ? iuv : throw new FormatException("Not a 17-digit IUV.");

    /// <summary>True and the IUV when <paramref name="value"/> is 17 digits, whatever its check digits.</summary>
    public static bool TryReadLenient([NotNullWhen(true)] string? value, out Iuv iuv)
    {
        var candidate = value?.Trim();
        if (candidate is { Length: Length } && candidate.All(char.IsAsciiDigit))
        {
            iuv = new Iuv(candidate);
            return true;
        }

        iuv = default;
        return false;
    }

    public override string ToString() => _value ?? "";

    // Aux digit 3 takes part in the check: (3 · 10^15 + first 15 digits) mod 93.
    private static string CheckDigits(ReadOnlySpan<char> first15)
    {
        var remainder = 3;
        foreach (var c in first15)
        {
            remainder = ((remainder * 10) + (c - '0')) % 93;
        }

        return remainder.ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes <see cref="Value"/> as a JSON string and reads one strictly.</summary>
    private sealed class IuvJsonConverter : JsonConverter<Iuv>
    {
        public override Iuv Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var iuv)
                ? iuv
                : throw new JsonException("Not a 17-digit IUV with valid mod-93 check digits.");

        public override void Write(Utf8JsonWriter writer, Iuv value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
