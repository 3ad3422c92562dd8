using System.Text.Json;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Tests.Values;

// Check characters of the codes below were computed independently (docs/platforms/anpr.md §5 algorithm, python-stdnum tables).
public sealed class FiscalCodeTests
{
    private const string Giovanni = "PRVGNN90R10H501Q"; // ANPR collaudo subject (docs/platforms/anpr.md §5.1)
    private const string Claudia = "NRECLD90R50H501G"; // female: day 50 = 10 + 40

    [Theory]
    [InlineData(Giovanni)]
    [InlineData(Claudia)]
    [InlineData("RSSMRA85T10A562S")]
    [InlineData("STTSGT90A01H501J")]
    [InlineData("RSSMRA80A01Z404R")] // born abroad (Z…)
    [InlineData("RSSMRA85T41A562U")] // female, 1 December
    [InlineData("RSSMRA85T71A562X")] // female, 31 December
    public void Valid_codes_parse_to_themselves(string input)
    {
        Assert.True(FiscalCode.TryParse(input, out var code));
        Assert.Equal(input, code.Value);
    }

    [Theory]
    [InlineData("prvgnn90r10h501q")]
    [InlineData("PrVgNn90r10H501q")]
    [InlineData("  PRVGNN90R10H501Q  ")]
    [InlineData("\tprvgnn90r10h501q\r\n")]
    [InlineData("\u00A0PRVGNN90R10H501Q\u00A0")] // no-break spaces around are white space too
    public void Lower_case_and_surrounding_white_space_are_normalized(string input)
    {
        var code = FiscalCode.Parse(input);

        Assert.Equal(Giovanni, code.Value);
        Assert.Equal(FiscalCode.Parse(Giovanni), code);
    }

    [Theory]
    [InlineData("RSSMRAU5T10A562P", 7)] // year, tens
    [InlineData("RSSMRA8RT10A562E", 8)] // year, units
    [InlineData("RSSMRA85TM0A562D", 10)] // day, tens
    [InlineData("RSSMRA85T1LA562V", 11)] // day, units
    [InlineData("RSSMRA85T10AR62N", 13)] // place code, first digit
    [InlineData("RSSMRA85T10A5S2E", 14)] // place code, second digit
    [InlineData("RSSMRA85T10A56NH", 15)] // place code, third digit
    [InlineData("RSSMRAURTMLARSNL", 0)] // every position substituted
    public void Omocodia_letters_are_accepted_in_every_digit_position_and_decoded(string input, int position)
    {
        Assert.True(FiscalCode.TryParse(input, out var code), $"position {position}");

        Assert.Equal(input, code.Value); // an omocodic code is a code of its own: kept as given
        Assert.Equal(new DateOnly(1985, 12, 10), code.BirthDateAsOf(new DateOnly(2026, 11, 26)));
        Assert.Equal("A562", code.BirthPlaceCode);
        Assert.Equal(Sex.Male, code.Sex);
    }

    [Theory]
    [InlineData("RSSMRAA5T10A562A")] // A is not an omocodia letter (L…V)
    [InlineData("RSSMRA85T10A5W2I")] // W is not an omocodia letter
    [InlineData("RSSMRA85T10A56AO")] // A in the place code's digits
    [InlineData("RSSMR185T10A562T")] // digit among the name letters
    [InlineData("RSSMRA85T105562X")] // digit where the place code's letter goes
    [InlineData("RSSMRA85F10A562R")] // F is not a month letter
    public void Characters_out_of_their_position_class_are_refused(string input)
    {
        Assert.False(FiscalCode.TryParse(input, out _));
    }

    [Theory]
    [InlineData("RSSMRA80B30H501X")] // 30 February
    [InlineData("RSSMRA80B70H501B")] // 30 February, female
    [InlineData("RSSMRA01B29H501Z")] // 29 February 2001 / 1901
    [InlineData("RSSMRA80D31H501D")] // 31 April
    [InlineData("RSSMRA85T00A562R")] // day 0
    [InlineData("RSSMRA85T32A562Y")] // day 32
    [InlineData("RSSMRA85T40A562V")] // day 40: neither a man's nor a woman's day
    [InlineData("RSSMRA85T72A562C")] // day 72 = 32 for a woman
    public void Impossible_dates_are_refused(string input)
    {
        Assert.False(FiscalCode.TryParse(input, out _));
    }

    [Theory]
    [InlineData("RSSMRA00B29H501Y")] // 29 February 2000
    [InlineData("RSSMRA80A30H501Y")] // 30 January
    public void Real_edge_dates_are_accepted(string input)
    {
        Assert.True(FiscalCode.TryParse(input, out _));
    }

    [Fact]
    public void Every_single_character_change_of_a_valid_code_is_refused()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (var i = 0; i < Giovanni.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != Giovanni[i]))
            {
                var mutated = Giovanni[..i] + c + Giovanni[(i + 1)..];
                Assert.False(FiscalCode.TryParse(mutated, out _), mutated);
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("                ")]
    [InlineData("PRVGNN90R10H501")] // 15 characters
    [InlineData("PRVGNN90R10H501QQ")] // 17 characters
    [InlineData("80015010723")] // a legal person's code is not a resident's
    [InlineData("12345678901")]
    [InlineData("PRVGNN90 R10H501Q")] // white space inside
    [InlineData("PRVGNN90R10H501\0")]
    [InlineData("PRVGNN90R10H501Q\0")]
    [InlineData("\u200BPRVGNN90R10H501Q")] // zero-width space is not white space
    [InlineData("ＰRVGNN90R10H501Q")] // full-width P
    [InlineData("PRVGNN90R10H5０1Q")] // full-width 0
    [InlineData("PRVGNN90R10H501Ԛ")] // Cyrillic Qa
    [InlineData("mrıbnc80a01h501n")] // dotless ı upper-cases to I outside ASCII rules
    [InlineData("' OR 1=1 --    ")]
    [InlineData("PRVGNN90R10H501Q; DROP TABLE x")]
    [InlineData("😀😀😀😀😀😀😀😀")] // 16 UTF-16 units
    public void Hostile_and_malformed_inputs_are_refused(string? input)
    {
        Assert.False(FiscalCode.TryParse(input, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void The_ascii_twin_of_the_dotless_i_input_is_valid()
    {
        // Guards the test above: the same code with a plain i parses, so only the dotless ı is refused.
        Assert.True(FiscalCode.TryParse("mribnc80a01h501n", out _));
    }

    [Fact]
    public void A_very_long_input_is_refused()
    {
        Assert.False(FiscalCode.TryParse(new string('A', 1_000_000), out _));
    }

    [Fact]
    public void Parse_of_an_invalid_code_throws_without_echoing_the_input()
    {
        var error = Assert.Throws<FormatException>(() => FiscalCode.Parse("PRVGNN90R10H501X"));

        Assert.DoesNotContain("PRVGNN90R10H501X", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToString_masks_all_but_the_surname_letters_and_the_check_character()
    {
        var code = FiscalCode.Parse(Giovanni);

        Assert.Equal("PRV************Q", code.ToString());
        Assert.Equal("PRV************Q", $"{code}");
        Assert.DoesNotContain("90R10H501", code.ToString(), StringComparison.Ordinal);
        Assert.Equal("", default(FiscalCode).ToString());
    }

    [Fact]
    public void A_record_holding_a_fiscal_code_prints_it_masked()
    {
        var holder = new Holder(FiscalCode.Parse(Giovanni));

        Assert.DoesNotContain(Giovanni, holder.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_value_of_a_default_instance_is_an_error()
    {
        Assert.Throws<InvalidOperationException>(() => default(FiscalCode).Value);
    }

    [Fact]
    public void Sex_is_female_when_the_day_is_above_40()
    {
        Assert.Equal(Sex.Male, FiscalCode.Parse(Giovanni).Sex);
        Assert.Equal(Sex.Female, FiscalCode.Parse(Claudia).Sex);
    }

    [Fact]
    public void Birth_place_code_is_the_cadastral_code()
    {
        Assert.Equal("H501", FiscalCode.Parse(Giovanni).BirthPlaceCode);
        Assert.Equal("Z404", FiscalCode.Parse("RSSMRA80A01Z404R").BirthPlaceCode);
    }

    [Theory]
    [InlineData(Giovanni, "2026-11-26", "1990-10-10")]
    [InlineData(Claudia, "2026-11-26", "1990-10-10")] // female: day minus 40
    [InlineData("RSSMRA20A01H501G", "2026-11-26", "2020-01-01")]
    [InlineData("RSSMRA30A01H501I", "2026-11-26", "1930-01-01")] // 2030 would be in the future
    [InlineData("RSSMRA85T10A562S", "2085-12-10", "2085-12-10")] // the reference day itself
    [InlineData("RSSMRA85T10A562S", "2085-12-09", "1985-12-10")] // one day later would be in the future
    [InlineData("RSSMRA00B29H501Y", "2026-01-01", "2000-02-29")]
    [InlineData("RSSMRA00B29H501Y", "1999-12-31", "1900-02-28")] // 1900 was not a leap year
    public void Birth_date_is_decoded_in_the_latest_century_not_after_the_reference(string input, string reference, string expected)
    {
        var code = FiscalCode.Parse(input);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            code.BirthDateAsOf(DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Json_carries_the_value_in_clear_and_refuses_an_invalid_code()
    {
        var json = JsonSerializer.Serialize(new Holder(FiscalCode.Parse("prvgnn90r10h501q")));
        Assert.Equal($$"""{"Code":"{{Giovanni}}"}""", json);

        Assert.Equal(FiscalCode.Parse(Giovanni), JsonSerializer.Deserialize<Holder>($$"""{"Code":" {{Giovanni.ToLowerInvariant()}} "}""")!.Code);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"Code":"PRVGNN90R10H501X"}"""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"Code":42}"""));
    }

    private sealed record Holder(FiscalCode Code);
}
