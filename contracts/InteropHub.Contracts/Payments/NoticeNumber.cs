using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InteropHub.Contracts.Payments;

/// <summary>
/// The 18-digit numero avviso (NAV) the citizen pays with: aux digit <c>3</c> followed by the 17-digit <see cref="Iuv"/>,
/// as GPD derives it (docs/platforms/pagopa.md §4). Other aux digits (0, 1, 2) are not used by the hub and are refused.
/// </summary>
/// <remarks>Strict and lenient paths as on <see cref="Iuv"/>: lenient reads are for data coming back from pagoPA.</remarks>
[JsonConverter(typeof(NoticeNumberJsonConverter))]
public readonly record struct NoticeNumber
{
    public const int Length = 18;
    public const char AuxDigit = '3';

    private readonly string? _value;

    private NoticeNumber(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("Uninitialised NoticeNumber.");

    /// <summary>The IUV: the notice number without its aux digit.</summary>
    public Iuv Iuv => Iuv.FromPlatform(Value[1..]);

    /// <summary>True when <c>int(NAV[0..16]) mod 93 == int(NAV[16..18])</c>; always true for a strictly parsed number.</summary>
    public bool HasValidCheckDigits => Iuv.HasValidCheckDigits;

    public static NoticeNumber FromIuv(Iuv iuv) => new(AuxDigit + iuv.Value);

    public static NoticeNumber Parse(string value) =>
        TryParse(value, out var number) ? number : throw new FormatException("Not an 18-digit notice number with aux digit 3 and valid check digits.");

    public static bool TryParse([NotNullWhen(true)] string? value, out NoticeNumber number)
    {
        if (TryReadLenient(value, out number) && number.HasValidCheckDigits)
        {
            return true;
        }

        number = default;
        return false;
    }

    /// <summary>Reads a notice number sent by pagoPA: 18 digits starting with 3, check digits not enforced.</summary>
    public static NoticeNumber FromPlatform(string value) =>
        TryReadLenient(value, out var number) ? number : throw new FormatException("Not an 18-digit notice number with aux digit 3.");

    public static bool TryReadLenient([NotNullWhen(true)] string? value, out NoticeNumber number)
    {
        var candidate = value?.Trim();
        if (candidate is { Length: Length } && candidate[0] == AuxDigit && candidate.All(char.IsAsciiDigit))
        {
            number = new NoticeNumber(candidate);
            return true;
        }

        number = default;
        return false;
    }

    public override string ToString() => _value ?? "";

    /// <summary>Writes <see cref="Value"/> as a JSON string and reads one strictly.</summary>
    private sealed class NoticeNumberJsonConverter : JsonConverter<NoticeNumber>
    {
        public override NoticeNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var number)
                ? number
                : throw new JsonException("Not an 18-digit notice number with aux digit 3 and valid check digits.");

        public override void Write(Utf8JsonWriter writer, NoticeNumber value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
