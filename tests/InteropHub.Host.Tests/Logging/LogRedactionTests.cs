using InteropHub.Host.Logging;

namespace InteropHub.Host.Tests.Logging;

public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("GET /v1/registry/residents/RSSMRA80A01H501U/family", "GET /v1/registry/residents/RSS************U/family")]
    [InlineData("subject rssmra80a01h501u refused", "subject rss************u refused")]
    [InlineData("omocode RSSMRA8LAMLHPMLU here", "omocode RSS************U here")]
    [InlineData("codes RSSMRA80A01H501U,VRDGPP70B02F205X", "codes RSS************U,VRD************X")]
    public void Fiscal_codes_are_masked_wherever_they_stand(string text, string expected) => Assert.Equal(expected, LogRedaction.Redact(text));

    [Fact]
    public void Jwts_and_api_keys_are_masked()
    {
        const string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz";
        Assert.Equal("Authorization: Bearer [jwt]", LogRedaction.Redact($"Authorization: Bearer {jwt}"));
        Assert.Equal("key [api-key] used", LogRedaction.Redact("key ihk_vIJp6rtmD_liVZz26H0bESsdI2doE2wp7gUmmLd3idM used"));
    }

    [Theory]
    [InlineData("Request 0HNQBH3KSMPFP:00000001 finished in 12 ms")]
    [InlineData("id 4f94dfe9-38ec-5e59-a1f1-f8fffb216b7c")]
    [InlineData("POST http://127.0.0.1:43733/C030-servizioAccertamentoIdUnicoNazionale/v1/anpr-service-e002")]
    [InlineData("idANPR YP44101QL, fiscal code of a comune 80015010723")]
    [InlineData("ABCDEFGHIJKLMNOP is not a code")]
    public void Ordinary_text_is_left_alone(string text) => Assert.Equal(text, LogRedaction.Redact(text));
}
