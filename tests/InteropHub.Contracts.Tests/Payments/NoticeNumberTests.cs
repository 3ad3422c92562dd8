using System.Text.Json;
using InteropHub.Contracts.Payments;

namespace InteropHub.Contracts.Tests.Payments;

public sealed class NoticeNumberTests
{
    [Fact]
    public void A_notice_number_is_3_followed_by_the_iuv()
    {
        var iuv = Iuv.Create("01", 1);

        var number = NoticeNumber.FromIuv(iuv);

        Assert.Equal("301000000000000144", number.Value);
        Assert.Equal(iuv, number.Iuv);
        Assert.Equal("301000000000000144", number.ToString());
    }

    [Theory]
    [InlineData("301000000000000144")]
    [InlineData(" 347000000001234592")]
    public void Valid_numbers_parse_strictly(string input)
    {
        Assert.True(NoticeNumber.TryParse(input, out var number));
        Assert.Equal(input.Trim(), number.Value);
        Assert.Equal(input.Trim()[1..], number.Iuv.Value);
    }

    [Theory]
    [InlineData("301000000000000145")] // wrong check digits
    [InlineData("001000000000000144")] // aux digit 0
    [InlineData("30100000000000014")] // 17 digits
    [InlineData("3010000000000001440")] // 19 digits
    [InlineData("30100000000000014X")]
    [InlineData("")]
    [InlineData(null)]
    public void Strict_parsing_refuses_wrong_check_digits_aux_digits_and_shapes(string? input)
    {
        Assert.False(NoticeNumber.TryParse(input, out _));
        Assert.Throws<FormatException>(() => NoticeNumber.Parse(input ?? ""));
    }

    [Fact]
    public void Platform_fixtures_with_wrong_check_digits_are_read_leniently()
    {
        // A made-up NAV of the kind pagoPA's UAT fixtures use: right shape, check digits not honoured.
        var number = NoticeNumber.FromPlatform("311111111111111111");

        Assert.False(number.HasValidCheckDigits);
        Assert.Equal("11111111111111111", number.Iuv.Value);
        Assert.False(NoticeNumber.TryParse("311111111111111111", out _));
    }

    [Theory]
    [InlineData("011111111111111111")]
    [InlineData("31111111111111111")]
    [InlineData(null)]
    public void Lenient_read_still_refuses_a_wrong_shape(string? input)
    {
        Assert.False(NoticeNumber.TryReadLenient(input, out _));
        Assert.Throws<FormatException>(() => NoticeNumber.FromPlatform(input ?? ""));
    }

    [Fact]
    public void Json_round_trips_and_refuses_wrong_check_digits()
    {
        var number = NoticeNumber.Parse("301000000000000144");

        Assert.Equal("\"301000000000000144\"", JsonSerializer.Serialize(number));
        Assert.Equal(number, JsonSerializer.Deserialize<NoticeNumber>("\"301000000000000144\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<NoticeNumber>("\"301000000000000145\""));
    }
}
