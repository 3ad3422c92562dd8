using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Tests.Tenancy;

public sealed class TenantIdTests
{
    [Theory]
    [InlineData("demo-a")]
    [InlineData("bari")]
    [InlineData("c1")]
    public void Valid_ids_parse(string input) => Assert.Equal(input, TenantId.Parse(input).Value);

    [Theory]
    [InlineData("Demo-A")]
    [InlineData("-bari")]
    [InlineData("bari-")]
    [InlineData("b")]
    [InlineData("bari molfetta")]
    [InlineData("../etc")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_ids_are_refused(string? input) => Assert.False(TenantId.TryParse(input, out _));

    [Fact]
    public void Ids_longer_than_forty_characters_are_refused()
    {
        Assert.True(TenantId.TryParse(new string('a', 40), out _));
        Assert.False(TenantId.TryParse(new string('a', 41), out _));
    }
}
