using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InteropHub.Sandbox.Pdnd;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InteropHub.Sandbox.Tests.Pdnd;

/// <summary>A valid assertion gets PDND's voucher: header, claims, lifespan, signature.</summary>
public sealed class VoucherTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly PdndWorld _world = new(sandbox);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Valid_assertion_gets_a_bearer_voucher_with_pdnd_headers()
    {
        using var response = await _world.PostToken(_world.Assertion(_world.Claims()));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoCache: true, NoStore: true });
        Assert.Equal("10000", Single(response, "X-Rate-Limit-Limit"));
        Assert.Equal("9999", Single(response, "X-Rate-Limit-Remaining"));
        Assert.Equal("1000", Single(response, "X-Rate-Limit-Interval"));
        var body = await PdndWorld.Json(response);
        Assert.Equal(["access_token", "token_type", "expires_in"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(600, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Purpose_voucher_has_exactly_pdnd_header_and_claims()
    {
        var voucher = new JsonWebToken((await _world.Voucher(_world.Assertion(_world.Claims()))).AccessToken);
        var jwks = await Jwks();

        Assert.Equal(
            $$"""{"alg":"RS256","use":"sig","typ":"at+jwt","kid":"{{Assert.Single(jwks.Keys).Kid}}"}""",
            Base64UrlEncoder.Decode(voucher.EncodedHeader));
        Assert.Equal(
            ["iss", "aud", "sub", "client_id", "jti", "iat", "nbf", "exp", "purposeId", "eserviceId", "consumerId"],
            Names(voucher.EncodedPayload));
        Assert.Equal("uat.interop.pagopa.it", voucher.Issuer);
        Assert.Equal("https://anpr.example/C001,https://anpr.example/C001-bis", voucher.GetPayloadValue<string>("aud"));
        Assert.Equal(_world.ClientId.ToString(), voucher.Subject);
        Assert.Equal(_world.ClientId.ToString(), voucher.GetPayloadValue<string>("client_id"));
        Assert.True(Guid.TryParse(voucher.Id, out _));
        Assert.Equal(_world.Now, voucher.GetPayloadValue<long>("iat"));
        Assert.Equal(_world.Now, voucher.GetPayloadValue<long>("nbf"));
        Assert.Equal(_world.Now + 600, voucher.GetPayloadValue<long>("exp"));
        Assert.Equal(_world.PurposeId.ToString(), voucher.GetPayloadValue<string>("purposeId"));
        Assert.Equal(_world.EServiceId.ToString(), voucher.GetPayloadValue<string>("eserviceId"));
        Assert.Equal(_world.OrganizationId.ToString(), voucher.GetPayloadValue<string>("consumerId"));
    }

    [Fact]
    public async Task Voucher_signature_verifies_against_the_published_jwks()
    {
        var voucher = (await _world.Voucher(_world.Assertion(_world.Claims()))).AccessToken;
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = (await Jwks()).GetSigningKeys(),
            ValidIssuer = "uat.interop.pagopa.it",
            ValidAudience = "https://anpr.example/C001,https://anpr.example/C001-bis",
            ValidTypes = ["at+jwt"],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (notBefore, expires, _, _) =>
                notBefore <= _world.Time.GetUtcNow().UtcDateTime && _world.Time.GetUtcNow().UtcDateTime < expires,
        };
        var handler = new JsonWebTokenHandler();

        var valid = await handler.ValidateTokenAsync(voucher, parameters);
        var parts = voucher.Split('.');
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode("{\"iss\":\"uat.interop.pagopa.it\"}")}.{parts[2]}";
        var forged = await handler.ValidateTokenAsync(tampered, parameters);

        Assert.True(valid.IsValid, valid.Exception?.Message);
        Assert.False(forged.IsValid);
    }

    [Fact]
    public async Task Digest_is_carried_into_the_voucher_as_sent()
    {
        var hex = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes("tracking-evidence-jws")));
        var claims = _world.Claims();
        claims["digest"] = new Dictionary<string, object> { ["alg"] = "SHA256", ["value"] = hex };

        var voucher = new JsonWebToken((await _world.Voucher(_world.Assertion(claims))).AccessToken);

        var digest = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(voucher.EncodedPayload)))
            .RootElement.GetProperty("digest");
        Assert.Equal($$"""{"alg":"SHA256","value":"{{hex}}"}""", digest.GetRawText());
    }

    [Fact]
    public async Task Voucher_lifespan_is_the_purposes()
    {
        _world.Pdnd.RegisterPurpose(_world.Purpose() with { VoucherLifespan = TimeSpan.FromSeconds(120) });

        var response = await _world.Voucher(_world.Assertion(_world.Claims()));

        var voucher = new JsonWebToken(response.AccessToken);
        Assert.Equal(120, response.ExpiresIn);
        Assert.Equal(120, voucher.GetPayloadValue<long>("exp") - voucher.GetPayloadValue<long>("iat"));
    }

    [Theory]
    [InlineData(59)]
    [InlineData(86_401)]
    public void Voucher_lifespan_outside_pdnd_bounds_is_not_registered(int seconds)
    {
        var purpose = _world.Purpose() with { VoucherLifespan = TimeSpan.FromSeconds(seconds) };

        Assert.Throws<ArgumentException>(() => _world.Pdnd.RegisterPurpose(purpose));
    }

    [Fact]
    public async Task Producer_and_descriptor_are_in_the_voucher_when_registered()
    {
        var producerId = Guid.NewGuid();
        var descriptorId = Guid.NewGuid();
        _world.Pdnd.RegisterPurpose(_world.Purpose() with { ProducerId = producerId, DescriptorId = descriptorId });

        var voucher = new JsonWebToken((await _world.Voucher(_world.Assertion(_world.Claims()))).AccessToken);

        Assert.Equal(producerId.ToString(), voucher.GetPayloadValue<string>("producerId"));
        Assert.Equal(descriptorId.ToString(), voucher.GetPayloadValue<string>("descriptorId"));
    }

    [Fact]
    public async Task Api_interop_client_gets_an_m2m_voucher_without_purpose()
    {
        using var world = new PdndWorld(new PdndSandboxSettings { M2mVoucherLifespan = TimeSpan.FromSeconds(900) });

        var response = await world.Voucher(PdndWorld.Assertion(world.ApiClaims(), PdndWorld.Rs256(world.ApiKey, world.ApiKid)));

        var voucher = new JsonWebToken(response.AccessToken);
        Assert.Equal(900, response.ExpiresIn);
        Assert.Equal(
            ["iss", "aud", "sub", "client_id", "jti", "iat", "nbf", "exp", "organizationId", "role"],
            Names(voucher.EncodedPayload));
        Assert.Equal("uat.interop.pagopa.it/m2m", voucher.GetPayloadValue<string>("aud"));
        Assert.Equal(world.ApiClientId.ToString(), voucher.Subject);
        Assert.Equal(world.OrganizationId.ToString(), voucher.GetPayloadValue<string>("organizationId"));
        Assert.Equal("m2m", voucher.GetPayloadValue<string>("role"));
        Assert.Equal(world.Now + 900, voucher.GetPayloadValue<long>("exp"));
    }

    [Fact]
    public async Task Client_assertion_audience_and_issuer_are_settable()
    {
        using var world = new PdndWorld(new PdndSandboxSettings
        {
            ClientAssertionAudience = "auth.interop.pagopa.it/client-assertion",
            VoucherIssuer = "interop.pagopa.it",
        });
        var uatClaims = world.Claims();
        uatClaims["aud"] = "auth.uat.interop.pagopa.it/client-assertion";

        var voucher = new JsonWebToken((await world.Voucher(world.Assertion(world.Claims()))).AccessToken);
        using var uat = await world.PostToken(world.Assertion(uatClaims));

        Assert.Equal("interop.pagopa.it", voucher.Issuer);
        Assert.Equal(400, (int)uat.StatusCode);
    }

    [Fact]
    public async Task Audience_as_an_array_containing_the_expected_one_is_accepted()
    {
        var claims = _world.Claims();
        claims["aud"] = new[] { "elsewhere", _world.Pdnd.Settings.ClientAssertionAudience };

        await _world.Voucher(_world.Assertion(claims));
    }

    [Fact]
    public async Task Client_id_equal_to_sub_is_accepted()
    {
        var form = PdndWorld.Form(_world.Assertion(_world.Claims()));
        form["client_id"] = _world.ClientId.ToString();

        using var response = await _world.PostToken(form);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Iat_in_the_future_is_accepted_as_pdnd_does_not_bound_it()
    {
        var claims = _world.Claims();
        claims["iat"] = _world.Now + 3600;
        claims["exp"] = _world.Now + 7200;

        await _world.Voucher(_world.Assertion(claims));
    }

    [Fact]
    public async Task Every_registered_key_of_a_client_works_during_a_rotation()
    {
        var newKid = _world.Pdnd.RegisterKey(_world.ClientId, _world.StrangerKey);

        await _world.Voucher(_world.Assertion(_world.Claims()));
        await _world.Voucher(PdndWorld.Assertion(_world.Claims(), PdndWorld.Rs256(_world.StrangerKey, newKid)));
    }

    [Fact]
    public async Task Concurrent_token_requests_are_all_counted()
    {
        const int callers = 100;

        var responses = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => _world.PostToken(_world.Assertion(_world.Claims()))));

        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal(new PdndTokenRequestCounts(callers, callers, 0, 0, 0), _world.Pdnd.TokenRequests(_world.ClientId));
        _world.Pdnd.ResetTokenRequestCounts();
        Assert.Equal(PdndTokenRequestCounts.None, _world.Pdnd.TokenRequests(_world.ClientId));
    }

    private async Task<JsonWebKeySet> Jwks() =>
        new(await PdndWorld.Http.GetStringAsync(_world.Pdnd.JwksUrl, TestContext.Current.CancellationToken));

    private static string Single(HttpResponseMessage response, string header) => Assert.Single(response.Headers.GetValues(header));

    private static IEnumerable<string> Names(string encodedJson) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(encodedJson)).RootElement.EnumerateObject().Select(p => p.Name).ToList();
}
