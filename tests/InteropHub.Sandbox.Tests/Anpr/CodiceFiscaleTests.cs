using InteropHub.Sandbox.Anpr;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>The sandbox's own codice fiscale rules, checked on ANPR's collaudo codes (docs/platforms/anpr.md §5.1) and on crafted ones.</summary>
public sealed class CodiceFiscaleTests
{
    public static TheoryData<string> CollaudoCodes =>
    [
        "PRVGNN90R10H501Q", "NRECLD90R50H501G", "STTSGT90A01H501J", "NNOSGT90A01H501I", "TTVSGT90A01H501H", "NDRCPL01A01H501S",
        "NDRMRC02B02H501D", "TDSPRM00R10A952C", "SLVDNN00R50L424L", "TSDSND90R10A952M", "PRVCCL60B50G393U", "NRENTN80B22G393L",
        "SGGTTV60A01H501T",
    ];

    [Theory]
    [MemberData(nameof(CollaudoCodes))]
    public void Collaudo_codes_are_valid(string code) => Assert.True(CodiceFiscale.IsValid(code));

    [Theory]
    [InlineData("PROVA", "GIOVANNI", AnprSex.Male, "1990-10-10", "H501", "PRVGNN90R10H501Q")]
    [InlineData("NERI", "CLAUDIA", AnprSex.Female, "1990-10-10", "H501", "NRECLD90R50H501G")]
    [InlineData("SETTIMO", "SOGGETTO", AnprSex.Male, "1990-01-01", "H501", "STTSGT90A01H501J")]
    [InlineData("INDIRIZZO", "COMPLESSO", AnprSex.Male, "2001-01-01", "H501", "NDRCPL01A01H501S")]
    [InlineData("PROVA", "CECILIA", AnprSex.Female, "1960-02-10", "G393", "PRVCCL60B50G393U")]
    [InlineData("NERI", "ANTONIO", AnprSex.Male, "1980-02-22", "G393", "NRENTN80B22G393L")]
    public void Calculator_reproduces_collaudo_codes_from_personal_data(string surname, string name, AnprSex sex, string born, string place, string expected) =>
        Assert.Equal(expected, CodiceFiscaleCalculator.Compute(surname, name, sex, DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), place));

    [Theory]
    [InlineData("D'ANGELO", "NICOLO'", "DNGNCL")]
    [InlineData("FO", "IO", "FOXIOX")]
    [InlineData("DE LUCA", "FRANCESCO PAOLO", "DLCFNC")]
    public void Calculator_drops_apostrophes_and_spaces_and_pads_short_names_with_x(string surname, string name, string expectedPrefix) =>
        Assert.StartsWith(expectedPrefix, CodiceFiscaleCalculator.Compute(surname, name, AnprSex.Male, new DateOnly(1980, 1, 1), "A662"), StringComparison.Ordinal);

    [Fact]
    public void Omocodia_replaces_digits_from_the_right_and_keeps_the_code_valid()
    {
        var one = CodiceFiscale.Omocode("PRVGNN90R10H501Q", 1);
        var seven = CodiceFiscale.Omocode("PRVGNN90R10H501Q", 7);

        Assert.Equal("PRVGNN90R10H50M", one[..15]);
        Assert.Equal("PRVGNNVLRMLHRLM", seven[..15]);
        Assert.True(CodiceFiscale.IsValid(one) && CodiceFiscale.IsValid(seven));
        Assert.True(CodiceFiscale.IsOmocode(seven) && !CodiceFiscale.IsOmocode("PRVGNN90R10H501Q"));
        Assert.Equal("PRVGNN90R10H501Q", CodiceFiscale.BaseCode(seven));
    }

    [Theory]
    [InlineData("PRVGNN90R10H501A", "wrong check character")]
    [InlineData("prvgnn90r10h501q", "lower case")]
    [InlineData("PRVGNN90R10H501", "15 characters")]
    [InlineData("PRVGNN90F10H501Q", "F is no month")]
    [InlineData("PRVGNN90D31H501F", "31 April")]
    [InlineData("PRVGNN90R32H501Q", "day 32")]
    [InlineData("PRVGNN90R00H501Q", "day 0")]
    [InlineData("PRVGNN90R10H5A1Q", "A is no omocodia letter")]
    [InlineData("80015010723", "11-digit codes are not personal codes")]
    public void Malformed_codes_are_rejected(string code, string why) => Assert.False(CodiceFiscale.IsValid(code), why);

    [Fact]
    public void Twenty_ninth_of_february_is_accepted_whatever_the_year()
    {
        var code = CodiceFiscaleCalculator.Compute("ROSSI", "MARIA", AnprSex.Female, new DateOnly(2000, 2, 29), "A662");

        Assert.Equal("RSSMRA00B69A662", code[..15]);
        Assert.True(CodiceFiscale.IsValid(code));
    }
}
