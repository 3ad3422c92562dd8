using System.Text.Json;
using InteropHub.Contracts.Payments;

namespace InteropHub.Contracts.Tests.Payments;

public sealed class IbanTests
{
    [Theory]
    [InlineData("IT60X0542811101000000123456", "IT60X0542811101000000123456")]
    [InlineData("it60 x054 2811 1010 0000 0123 456", "IT60X0542811101000000123456")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("DE89370400440532013000", "DE89370400440532013000")]
    [InlineData("SM86U0322509800000000270100", "SM86U0322509800000000270100")]
    public void Valid_ibans_parse_to_their_electronic_form(string input, string expected)
    {
        Assert.True(Iban.TryParse(input, out var iban));
        Assert.Equal(expected, iban.Value);
        Assert.Equal(expected[..2], iban.CountryCode);
    }

    [Theory]
    [InlineData("IT60X0542811101000000123457")] // last digit changed: checksum fails
    [InlineData("IT61X0542811101000000123456")] // check digits changed
    [InlineData("IT60X054281110100000012345")] // 26 characters, Italy wants 27
    [InlineData("IT60X05428111010000001234567")] // 28 characters
    [InlineData("IT60105428111010000001234561")] // CIN must be a letter
    [InlineData("XX60X0542811101000000123456")] // unknown country
    [InlineData("IT60-X054-2811-1010-0000-0123-456")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_ibans_are_refused(string? input)
    {
        Assert.False(Iban.TryParse(input, out _));
        Assert.Throws<FormatException>(() => Iban.Parse(input ?? ""));
    }

    [Fact]
    public void Grouped_form_splits_in_fours()
    {
        Assert.Equal("IT60 X054 2811 1010 0000 0123 456", Iban.Parse("IT60X0542811101000000123456").Grouped);
    }

    [Fact]
    public void Json_round_trips_and_refuses_an_invalid_iban()
    {
        var iban = Iban.Parse("IT60X0542811101000000123456");

        Assert.Equal("\"IT60X0542811101000000123456\"", JsonSerializer.Serialize(iban));
        Assert.Equal(iban, JsonSerializer.Deserialize<Iban>("\"it60 x054 2811 1010 0000 0123 456\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Iban>("\"IT60X0542811101000000123457\""));
    }
}
