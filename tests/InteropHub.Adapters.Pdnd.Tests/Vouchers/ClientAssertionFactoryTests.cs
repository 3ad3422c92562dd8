using System.Text.Json;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;

namespace InteropHub.Adapters.Pdnd.Tests.Vouchers;

public sealed class ClientAssertionFactoryTests
{
    private readonly PdndTestBed _bed = new();

    private Jws Create(string? purposeId = PdndTestBed.PurposeId, string? digest = null) =>
        Jws.Parse(_bed.Assertions.Create(_bed.Keys.ActiveKey(PdndTestBed.Tenant), PdndTestBed.ClientId, purposeId, digest));

    [Fact]
    public void Header_is_exactly_RS256_kid_and_JWT()
    {
        var assertion = Create();

        Assert.Equal(["alg", "kid", "typ"], assertion.HeaderNames.Order());
        Assert.Equal("RS256", assertion.Header.GetProperty("alg").GetString());
        Assert.Equal("JWT", assertion.Header.GetProperty("typ").GetString());
    }

    [Fact]
    public void Kid_is_the_43_character_RFC_7638_thumbprint_of_the_active_key()
    {
        var kid = Create().Header.GetProperty("kid").GetString()!;

        Assert.Equal(43, kid.Length);
        Assert.Equal(TestKeys.Thumbprint(TestKeys.First), kid);
    }

    [Fact]
    public void Claims_are_exactly_the_strict_mode_set_without_nbf()
    {
        var assertion = Create();

        Assert.Equal(["aud", "exp", "iat", "iss", "jti", "purposeId", "sub"], assertion.ClaimNames.Order());
        Assert.Equal(PdndTestBed.ClientId, assertion.Claim("iss"));
        Assert.Equal(PdndTestBed.ClientId, assertion.Claim("sub"));
        Assert.Equal(PdndTestBed.ClientAssertionAudience, assertion.Claim("aud"));
        Assert.Equal(PdndTestBed.PurposeId, assertion.Claim("purposeId"));
    }

    [Fact]
    public void Iat_and_exp_are_plain_integers_with_iat_back_dated_by_the_skew_and_exp_the_lifetime_later()
    {
        _bed.Options.ClockSkew = TimeSpan.FromSeconds(5);
        _bed.Options.ClientAssertionLifetime = TimeSpan.FromSeconds(120);
        var now = _bed.Time.GetUtcNow().ToUnixTimeSeconds();

        var assertion = Create();

        Assert.Equal(JsonValueKind.Number, assertion.Payload.GetProperty("iat").ValueKind);
        Assert.DoesNotContain(".", assertion.Payload.GetProperty("iat").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(".", assertion.Payload.GetProperty("exp").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(now - 5, assertion.Payload.GetProperty("iat").GetInt64());
        Assert.Equal(now - 5 + 120, assertion.Payload.GetProperty("exp").GetInt64());
    }

    [Fact]
    public void Clock_skew_setting_moves_iat_back_by_that_much()
    {
        _bed.Options.ClockSkew = TimeSpan.FromSeconds(3);

        var assertion = Create();

        Assert.Equal(_bed.Time.GetUtcNow().ToUnixTimeSeconds() - 3, assertion.Payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public void Every_assertion_has_a_fresh_uuid_jti()
    {
        var first = Create().Claim("jti");
        var second = Create().Claim("jti");

        Assert.True(Guid.TryParse(first, out _));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Digest_is_an_object_with_SHA256_and_the_64_hex_value()
    {
        var hex = new string('a', 32) + new string('0', 32);

        var assertion = Create(digest: hex);

        var digest = assertion.Payload.GetProperty("digest");
        Assert.Equal(["alg", "value"], digest.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("SHA256", digest.GetProperty("alg").GetString());
        Assert.Equal(hex, digest.GetProperty("value").GetString());
        Assert.Equal(8, assertion.ClaimNames.Count);
    }

    [Fact]
    public void Api_interop_assertion_carries_no_purposeId()
    {
        var assertion = Create(purposeId: null);

        Assert.Equal(["aud", "exp", "iat", "iss", "jti", "sub"], assertion.ClaimNames.Order());
    }

    [Fact]
    public void Signature_verifies_with_the_public_key()
    {
        Assert.True(Create().VerifiesWith(TestKeys.First));
        Assert.False(Create().VerifiesWith(TestKeys.Second));
    }
}
