using InteropHub.Core.Tenancy;

namespace InteropHub.Core.Tests.Tenancy;

public sealed class IbanCheckTests
{
    [Theory]
    [InlineData("IT60X0542811101000000123456")]
    [InlineData("DE89370400440532013000")]
    [InlineData("GB82WEST12345698765432")]
    public void Ibans_with_correct_check_digits_pass(string iban) => Assert.True(IbanCheck.IsValid(iban));

    [Theory]
    [InlineData("IT61X0542811101000000123456")]
    [InlineData("IT60X0542811101000000123465")]
    [InlineData("IT60 X054 2811 1010 0000 0123 456")]
    [InlineData("1T60X0542811101000000123456")]
    [InlineData("IT60")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_fails(string? iban) => Assert.False(IbanCheck.IsValid(iban));
}
