using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Tests.Values;

public sealed class OrganizationFiscalCodeTests
{
    [Theory]
    [InlineData("80015010723")] // Comune di Bari
    [InlineData("00306180720")] // Comune di Molfetta
    [InlineData(" 80015010723 ")]
    public void Valid_codes_parse(string input)
    {
        Assert.True(OrganizationFiscalCode.TryParse(input, out var code));
        Assert.Equal(input.Trim(), code.Value);
    }

    [Theory]
    [InlineData("80015010724")] // wrong check digit
    [InlineData("8001501072")] // 10 digits
    [InlineData("800150107230")] // 12 digits
    [InlineData("8001501072A")]
    [InlineData("RSSMRA80A01H501U")] // a person's code is not an organisation's
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_codes_are_refused(string? input)
    {
        Assert.False(OrganizationFiscalCode.TryParse(input, out _));
        Assert.Throws<FormatException>(() => OrganizationFiscalCode.Parse(input ?? ""));
    }

    [Fact]
    public void Every_single_digit_change_breaks_the_check_digit()
    {
        const string valid = "80015010723";
        for (var i = 0; i < valid.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == valid[i])
                {
                    continue;
                }

                var mutated = valid[..i] + d + valid[(i + 1)..];
                Assert.False(OrganizationFiscalCode.TryParse(mutated, out _), mutated);
            }
        }
    }
}
