using System.Text.Json;
using InteropHub.Contracts.Payments;

namespace InteropHub.Contracts.Tests.Payments;

public sealed class IuvTests
{
    // Check digits worked out independently as int("3" + first 15 digits) mod 93.
    [Theory]
    [InlineData("01", 1L, "01000000000000144")]
    [InlineData("47", 12345L, "47000000001234592")]
    [InlineData("00", 9_999_999_999_999L, "00999999999999942")]
    [InlineData("99", 0L, "99000000000000057")]
    public void Create_computes_the_mod_93_check_digits(string segregationCode, long sequence, string expected)
    {
        var iuv = Iuv.Create(segregationCode, sequence);

        Assert.Equal(expected, iuv.Value);
        Assert.Equal(segregationCode, iuv.SegregationCode);
        Assert.Equal(sequence, iuv.Sequence);
        Assert.True(iuv.HasValidCheckDigits);
    }

    [Theory]
    [InlineData("01000000000000144")]
    [InlineData(" 47000000001234592 ")]
    public void Valid_iuvs_parse_strictly(string input)
    {
        Assert.True(Iuv.TryParse(input, out var iuv));
        Assert.Equal(input.Trim(), iuv.Value);
        Assert.Equal(iuv, Iuv.Parse(input));
    }

    [Theory]
    [InlineData("01000000000000145")] // wrong check digits
    [InlineData("0100000000000014")] // 16 digits
    [InlineData("010000000000001440")] // 18 digits
    [InlineData("0100000000000A144")]
    [InlineData("")]
    [InlineData(null)]
    public void Strict_parsing_refuses_wrong_check_digits_and_shapes(string? input)
    {
        Assert.False(Iuv.TryParse(input, out _));
        Assert.Throws<FormatException>(() => Iuv.Parse(input ?? ""));
    }

    [Fact]
    public void Lenient_read_accepts_wrong_check_digits_from_the_platform_and_says_so()
    {
        var iuv = Iuv.FromPlatform("01000000000000145");

        Assert.Equal("01000000000000145", iuv.Value);
        Assert.False(iuv.HasValidCheckDigits);
    }

    [Theory]
    [InlineData("0100000000000014")]
    [InlineData("0100000000000A144")]
    [InlineData(null)]
    public void Lenient_read_still_refuses_a_wrong_shape(string? input)
    {
        Assert.False(Iuv.TryReadLenient(input, out _));
        Assert.Throws<FormatException>(() => Iuv.FromPlatform(input ?? ""));
    }

    [Theory]
    [InlineData("1", 1L)]
    [InlineData("0a", 1L)]
    [InlineData("01", -1L)]
    [InlineData("01", 10_000_000_000_000L)]
    public void Create_refuses_a_bad_segregation_code_or_sequence(string segregationCode, long sequence) =>
        Assert.ThrowsAny<ArgumentException>(() => Iuv.Create(segregationCode, sequence));

    [Fact]
    public void Json_round_trips_and_refuses_wrong_check_digits()
    {
        var iuv = Iuv.Parse("01000000000000144");

        Assert.Equal("\"01000000000000144\"", JsonSerializer.Serialize(iuv));
        Assert.Equal(iuv, JsonSerializer.Deserialize<Iuv>("\"01000000000000144\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Iuv>("\"01000000000000145\""));
    }
}
