using System.Security.Cryptography;
using InteropHub.Sandbox.Pdnd;
using Microsoft.IdentityModel.Tokens;

namespace InteropHub.Sandbox.Tests.Pdnd;

/// <summary>Every refusal is PDND's opaque 400 015-0008, and the debug endpoint tells the precise reason.</summary>
public sealed class TokenRefusalTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly PdndWorld _world = new(sandbox);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Extra_nbf_claim_is_refused_as_not_allowed()
    {
        var claims = _world.Claims();
        claims["nbf"] = _world.Now;

        await AssertRefused(_world.Assertion(claims), "clientAssertionInvalidClaims", "claim nbf is not allowed");
    }

    [Fact]
    public async Task Extra_header_parameter_is_refused_as_not_allowed()
    {
        var assertion = PdndWorld.Assertion(_world.Claims(), _world.ClientCredentials, new() { ["x5u"] = "https://example.org/cert.pem" });

        await AssertRefused(assertion, "clientAssertionInvalidClaims", "header x5u is not allowed");
    }

    [Fact]
    public async Task Audience_other_than_the_client_assertion_audience_is_refused()
    {
        var claims = _world.Claims();
        claims["aud"] = "auth.interop.pagopa.it/client-assertion";

        await AssertRefused(_world.Assertion(claims), "invalidAudience", "auth.uat.interop.pagopa.it/client-assertion");
    }

    [Fact]
    public async Task Hs256_assertion_is_refused_as_algorithm_not_allowed()
    {
        var hmac = PdndWorld.Credentials(
            new SymmetricSecurityKey(new byte[32]) { KeyId = _world.Kid }, SecurityAlgorithms.HmacSha256);

        await AssertRefused(PdndWorld.Assertion(_world.Claims(), hmac), "algorithmNotAllowed", "algorithm HS256 is not allowed");
    }

    [Fact]
    public async Task Ps256_assertion_is_refused_as_algorithm_not_allowed()
    {
        var pss = PdndWorld.Credentials(
            new RsaSecurityKey(_world.ClientKey) { KeyId = _world.Kid }, SecurityAlgorithms.RsaSsaPssSha256);

        await AssertRefused(PdndWorld.Assertion(_world.Claims(), pss), "algorithmNotAllowed", "algorithm PS256 is not allowed");
    }

    [Fact]
    public async Task Assertion_past_its_exp_is_refused_as_expired()
    {
        var assertion = _world.Assertion(_world.Claims());
        _world.Time.Advance(TimeSpan.FromSeconds(120));

        await AssertRefused(assertion, "tokenExpiredError", "the assertion expired");
    }

    [Fact]
    public async Task Kid_not_registered_for_the_client_is_refused()
    {
        var strangerKid = KidOf(_world.StrangerKey);
        var assertion = PdndWorld.Assertion(_world.Claims(), PdndWorld.Rs256(_world.StrangerKey, strangerKid));

        await AssertRefused(assertion, "tokenGenerationStatesEntryNotFound", $"kid {strangerKid} not registered for client {_world.ClientId}");
    }

    [Fact]
    public async Task Kid_of_another_clients_key_is_refused()
    {
        var assertion = PdndWorld.Assertion(_world.Claims(), PdndWorld.Rs256(_world.ApiKey, _world.ApiKid));

        await AssertRefused(assertion, "tokenGenerationStatesEntryNotFound", "not registered for client");
    }

    [Fact]
    public async Task Signature_by_another_key_under_the_registered_kid_is_refused()
    {
        var assertion = PdndWorld.Assertion(_world.Claims(), PdndWorld.Rs256(_world.StrangerKey, _world.Kid));

        await AssertRefused(assertion, "invalidSignature", "signature invalid");
    }

    [Fact]
    public async Task Base64_digest_is_refused_for_its_length()
    {
        var claims = _world.Claims();
        claims["digest"] = new Dictionary<string, object>
        {
            ["alg"] = "SHA256",
            ["value"] = Convert.ToBase64String(new byte[32]),
        };

        await AssertRefused(_world.Assertion(claims), "invalidHashLength", "44 characters, not the 64");
    }

    [Fact]
    public async Task Digest_with_another_algorithm_is_refused()
    {
        var claims = _world.Claims();
        claims["digest"] = new Dictionary<string, object> { ["alg"] = "SHA512", ["value"] = new string('a', 64) };

        await AssertRefused(_world.Assertion(claims), "invalidHashAlgorithm", "digest alg 'SHA512' is not SHA256");
    }

    [Fact]
    public async Task Digest_with_extra_members_is_refused()
    {
        var claims = _world.Claims();
        claims["digest"] = new Dictionary<string, object>
        {
            ["alg"] = "SHA256",
            ["value"] = new string('a', 64),
            ["encoding"] = "hex",
        };

        await AssertRefused(_world.Assertion(claims), "invalidDigestClaim", "exactly");
    }

    [Theory]
    [InlineData(PdndState.Suspended, "SUSPENDED")]
    [InlineData(PdndState.Archived, "ARCHIVED")]
    public async Task Purpose_not_active_is_refused(PdndState state, string stateName)
    {
        _world.Pdnd.RegisterPurpose(_world.Purpose() with { State = state });

        await AssertRefused(_world.Assertion(_world.Claims()), "invalidPurposeState", $"purpose {_world.PurposeId} is {stateName}");
    }

    [Fact]
    public async Task Suspended_agreement_is_refused()
    {
        _world.Pdnd.RegisterPurpose(_world.Purpose() with { AgreementState = PdndState.Suspended });

        await AssertRefused(_world.Assertion(_world.Claims()), "invalidAgreementState", "is SUSPENDED");
    }

    [Fact]
    public async Task Purpose_of_another_client_is_refused()
    {
        var otherClient = Guid.NewGuid();
        _world.Pdnd.RegisterClient(otherClient, PdndClientKind.EService, Guid.NewGuid());
        var foreignPurpose = Guid.NewGuid();
        _world.Pdnd.RegisterPurpose(_world.Purpose() with { PurposeId = foreignPurpose, ClientId = otherClient });
        var claims = _world.Claims();
        claims["purposeId"] = foreignPurpose.ToString();

        await AssertRefused(_world.Assertion(claims), "tokenGenerationStatesEntryNotFound", $"purpose {foreignPurpose} is not registered for client {_world.ClientId}");
    }

    [Fact]
    public async Task E_service_client_assertion_without_purpose_is_refused()
    {
        var claims = _world.Claims();
        claims.Remove("purposeId");

        await AssertRefused(_world.Assertion(claims), "purposeIdNotProvided", "need a purposeId");
    }

    [Fact]
    public async Task Api_interop_client_assertion_with_purpose_is_refused()
    {
        var claims = _world.ApiClaims();
        claims["purposeId"] = _world.PurposeId.ToString();

        await AssertRefused(
            PdndWorld.Assertion(claims, PdndWorld.Rs256(_world.ApiKey, _world.ApiKid)),
            "tokenGenerationStatesEntryNotFound",
            "api-interop client",
            _world.ApiClientId);
    }

    [Fact]
    public async Task Client_id_different_from_sub_is_refused()
    {
        var form = PdndWorld.Form(_world.Assertion(_world.Claims()));
        var otherClientId = Guid.NewGuid();
        form["client_id"] = otherClientId.ToString();

        using var response = await _world.PostToken(form);

        await AssertOpaque400(response);
        AssertReason(_world.Pdnd.LastRefusal(otherClientId), "invalidSubject", $"does not correspond to client_id {otherClientId}");
    }

    [Fact]
    public async Task Wrong_client_assertion_type_is_refused()
    {
        var form = PdndWorld.Form(_world.Assertion(_world.Claims()));
        form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:saml2-bearer";

        using var response = await _world.PostToken(form);

        await AssertOpaque400(response);
        AssertReason(_world.Pdnd.LastRefusal(_world.ClientId), "invalidAssertionType", "saml2-bearer");
    }

    [Fact]
    public async Task Assertion_that_is_not_a_jws_is_refused()
    {
        var form = PdndWorld.Form("not-a-jws");
        form["client_id"] = _world.ClientId.ToString();

        using var response = await _world.PostToken(form);

        await AssertOpaque400(response);
        AssertReason(_world.Pdnd.LastRefusal(_world.ClientId), "invalidClientAssertionFormat", "not a compact JWS");
    }

    [Fact]
    public async Task Every_claim_error_is_reported_not_only_the_first()
    {
        var claims = _world.Claims();
        claims["aud"] = "elsewhere";
        claims["nbf"] = _world.Now;
        claims.Remove("jti");

        await AssertRefused(_world.Assertion(claims), "invalidAudience", "elsewhere");
        var codes = _world.Pdnd.LastRefusal(_world.ClientId)!.Reasons.Select(r => r.Code).ToList();
        Assert.Equal(["invalidAudience", "jtiNotFound", "clientAssertionInvalidClaims"], codes);
    }

    [Fact]
    public async Task Wrong_grant_type_fails_the_body_schema_before_any_assertion_check()
    {
        var form = PdndWorld.Form(_world.Assertion(_world.Claims()));
        form["grant_type"] = "authorization_code";

        using var response = await _world.PostToken(form);

        await AssertIncorrectBody(response, "grant_type 'authorization_code' is not 'client_credentials'");
        AssertReason(_world.Pdnd.LastRefusal(_world.ClientId), "badRequestError", "grant_type");
    }

    [Theory]
    [InlineData("client_assertion")]
    [InlineData("client_assertion_type")]
    [InlineData("grant_type")]
    public async Task Missing_required_field_fails_the_body_schema(string field)
    {
        var form = PdndWorld.Form(_world.Assertion(_world.Claims()));
        form.Remove(field);
        form["client_id"] = _world.ClientId.ToString();

        using var response = await _world.PostToken(form);

        await AssertIncorrectBody(response, $"{field} is required");
        AssertReason(_world.Pdnd.LastRefusal(_world.ClientId), "badRequestError", $"{field} is required");
    }

    [Fact]
    public async Task Refusals_are_counted_per_client()
    {
        var claims = _world.Claims();
        claims["nbf"] = _world.Now;
        using var refused = await _world.PostToken(_world.Assertion(claims));
        await _world.Voucher(_world.Assertion(_world.Claims()));

        Assert.Equal(new PdndTokenRequestCounts(2, 1, 1, 0, 0), _world.Pdnd.TokenRequests(_world.ClientId));
        Assert.Equal(PdndTokenRequestCounts.None, _world.Pdnd.TokenRequests(_world.ApiClientId));
    }

    private async Task AssertRefused(string assertion, string code, string detail, Guid? clientId = null)
    {
        using var response = await _world.PostToken(assertion);

        await AssertOpaque400(response);
        AssertReason(_world.Pdnd.LastRefusal(clientId ?? _world.ClientId), code, detail);
    }

    private static async Task AssertOpaque400(HttpResponseMessage response)
    {
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await PdndWorld.Json(response);
        Assert.Equal("The request contains bad syntax or cannot be fulfilled.", body.GetProperty("title").GetString());
        Assert.Equal("Bad request", body.GetProperty("detail").GetString());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("015-0008", error.GetProperty("code").GetString());
        Assert.Equal("Unable to generate a token for the given request", error.GetProperty("detail").GetString());
    }

    private static async Task AssertIncorrectBody(HttpResponseMessage response, string detail)
    {
        Assert.Equal(400, (int)response.StatusCode);
        var body = await PdndWorld.Json(response);
        Assert.Equal("Bad request", body.GetProperty("title").GetString());
        Assert.Equal("Incorrect value for body", body.GetProperty("detail").GetString());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("007-9999", error.GetProperty("code").GetString());
        Assert.Contains(detail, error.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static void AssertReason(PdndRefusal? refusal, string code, string detail)
    {
        Assert.NotNull(refusal);
        Assert.Contains(refusal.Reasons, r => r.Code == code && r.Detail.Contains(detail, StringComparison.Ordinal));
    }

    private static string KidOf(RSA key) =>
        Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.ExportParameters(false))).ComputeJwkThumbprint());
}
