using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Tests.Values;

/// <summary>The one mask of fiscal codes, for a code and for every code-shaped word in a text.</summary>
public sealed class FiscalCodeMaskTests
{
    [Fact]
    public void A_code_keeps_its_three_surname_letters_and_check_character()
    {
        Assert.Equal("RSS************U", FiscalCodeMask.Of("RSSMRA80A01H501U"));
        Assert.Equal(FiscalCodeMask.Of("RSSMRA80A01H501U"), FiscalCode.Parse("rssmra80a01h501u").ToString());
    }

    [Theory]
    [InlineData("EN122 soggetto RSSMRA80A01H501U non trovato", "EN122 soggetto RSS************U non trovato")]
    [InlineData("GET /v1/registry/residents/rssmra80a01h501u?x=1", "GET /v1/registry/residents/rss************u?x=1")]
    [InlineData("omocodia RSSMRAURALMHRVQU.", "omocodia RSS************U.")]
    [InlineData("iuv 01234567890123456 and id XRSSMRA80A01H501U1 stay", "iuv 01234567890123456 and id XRSSMRA80A01H501U1 stay")]
    [InlineData("short", "short")]
    public void Every_code_shaped_word_of_a_text_is_masked_and_nothing_else(string text, string masked)
    {
        Assert.Equal(masked, FiscalCodeMask.InText(text));
    }
}
