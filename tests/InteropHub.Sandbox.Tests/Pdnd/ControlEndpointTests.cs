using System.Net.Http.Json;
using System.Security.Cryptography;
using InteropHub.Sandbox.Pdnd;
using Microsoft.IdentityModel.Tokens;

namespace InteropHub.Sandbox.Tests.Pdnd;

/// <summary>The control surface under /__sandbox/pdnd, over HTTP as a developer or another process uses it.</summary>
public sealed class ControlEndpointTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly PdndWorld _world = new(sandbox);

    public void Dispose() => _world.Dispose();

    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Client_key_and_purpose_registered_over_http_yield_a_voucher()
    {
        var organizationId = Guid.NewGuid();
        var clientId = Guid.NewGuid();
        var purposeId = Guid.NewGuid();

        using var client = await Post("clients", new { clientId, kind = "e-service", organizationId });
        using var key = await Post($"clients/{clientId}/keys", new { pem = _world.StrangerKey.ExportSubjectPublicKeyInfoPem() });
        using var purpose = await Post("purposes", new
        {
            purposeId,
            clientId,
            eserviceId = Guid.NewGuid(),
            audiences = new[] { "https://anpr.example/C030" },
            voucherLifespanSeconds = 300,
        });
        var kid = (await PdndWorld.Json(key)).GetProperty("kid").GetString()!;
        var claims = _world.Claims();
        claims["iss"] = claims["sub"] = clientId.ToString();
        claims["purposeId"] = purposeId.ToString();
        var voucher = await _world.Voucher(PdndWorld.Assertion(claims, PdndWorld.Rs256(_world.StrangerKey, kid)));

        Assert.Equal(201, (int)client.StatusCode);
        Assert.Equal(201, (int)key.StatusCode);
        Assert.Equal(201, (int)purpose.StatusCode);
        var registered = await PdndWorld.Json(purpose);
        Assert.Equal("ACTIVE", registered.GetProperty("state").GetString());
        Assert.Equal("ACTIVE", registered.GetProperty("agreementState").GetString());
        Assert.Equal(300, voucher.ExpiresIn);
    }

    [Fact]
    public async Task Kid_is_the_rfc7638_thumbprint_whether_the_key_comes_as_pem_or_jwk()
    {
        var expected = Base64UrlEncoder.Encode(
            JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_world.StrangerKey.ExportParameters(false))).ComputeJwkThumbprint());
        var publicKey = _world.StrangerKey.ExportParameters(false);
        var jwk = new { kty = "RSA", n = Base64UrlEncoder.Encode(publicKey.Modulus), e = Base64UrlEncoder.Encode(publicKey.Exponent) };

        using var pem = await Post($"clients/{_world.ClientId}/keys", new { pem = _world.StrangerKey.ExportRSAPublicKeyPem() });
        using var asJwk = await Post($"clients/{_world.ClientId}/keys", new { jwk });

        Assert.Equal(expected, (await PdndWorld.Json(pem)).GetProperty("kid").GetString());
        Assert.Equal(expected, (await PdndWorld.Json(asJwk)).GetProperty("kid").GetString());
        Assert.Equal(43, expected.Length);
    }

    [Fact]
    public async Task Private_key_is_not_registered()
    {
        using var response = await Post($"clients/{_world.ClientId}/keys", new { pem = _world.StrangerKey.ExportPkcs8PrivateKeyPem() });

        await AssertError(response, 400, "Only public keys are accepted");
    }

    [Fact]
    public async Task Key_shorter_than_2048_bits_is_not_registered()
    {
        using var small = RSA.Create(1024);

        using var response = await Post($"clients/{_world.ClientId}/keys", new { pem = small.ExportSubjectPublicKeyInfoPem() });

        await AssertError(response, 400, "at least 2048 bits");
    }

    [Fact]
    public async Task Key_of_an_unknown_client_is_not_found()
    {
        var unknown = Guid.NewGuid();

        using var response = await Post($"clients/{unknown}/keys", new { pem = _world.StrangerKey.ExportSubjectPublicKeyInfoPem() });

        await AssertError(response, 404, $"Client {unknown} is not registered");
    }

    [Fact]
    public async Task Missing_field_is_named_in_a_400()
    {
        using var response = await Post("clients", new { clientId = Guid.NewGuid(), kind = "api-interop" });

        await AssertError(response, 400, "organizationId is required");
    }

    [Fact]
    public async Task Purpose_of_an_api_interop_client_is_not_registered()
    {
        using var response = await Post("purposes", new
        {
            purposeId = Guid.NewGuid(),
            clientId = _world.ApiClientId,
            eserviceId = Guid.NewGuid(),
            audiences = new[] { "https://anpr.example/C001" },
        });

        await AssertError(response, 400, "api-interop client");
    }

    [Fact]
    public async Task Purpose_state_change_over_http_is_applied_to_the_next_token_request()
    {
        using var purpose = await Post("purposes", new
        {
            purposeId = _world.PurposeId,
            clientId = _world.ClientId,
            eserviceId = _world.EServiceId,
            audiences = new[] { "https://anpr.example/C001" },
            state = "SUSPENDED",
        });

        using var response = await _world.PostToken(_world.Assertion(_world.Claims()));

        Assert.Equal(201, (int)purpose.StatusCode);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(_world.Pdnd.LastRefusal(_world.ClientId)!.Reasons, r => r.Code == "invalidPurposeState");
    }

    [Fact]
    public async Task Last_refusal_tells_the_reason_and_is_404_before_any()
    {
        using var before = await Get($"clients/{_world.ClientId}/last-refusal");
        var claims = _world.Claims();
        claims["nbf"] = _world.Now;
        using var refused = await _world.PostToken(_world.Assertion(claims));

        using var after = await Get($"clients/{_world.ClientId}/last-refusal");
        using var anyClient = await Get("last-refusal");

        Assert.Equal(404, (int)before.StatusCode);
        var body = await PdndWorld.Json(after);
        Assert.Equal(_world.ClientId, body.GetProperty("clientId").GetGuid());
        Assert.Equal(_world.Time.GetUtcNow(), body.GetProperty("at").GetDateTimeOffset());
        var reason = Assert.Single(body.GetProperty("reasons").EnumerateArray());
        Assert.Equal("clientAssertionInvalidClaims", reason.GetProperty("code").GetString());
        Assert.Equal("claim nbf is not allowed", reason.GetProperty("detail").GetString());
        Assert.Equal(body.GetRawText(), (await PdndWorld.Json(anyClient)).GetRawText());
    }

    [Fact]
    public async Task Request_counters_are_listed_per_client_and_reset_by_delete()
    {
        _world.Pdnd.ResetTokenRequestCounts(); // The sandbox is shared by the class: count from zero.
        await _world.Voucher(_world.Assertion(_world.Claims()));
        using var garbage = await _world.PostToken(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });

        using var counted = await Get("requests");
        using var reset = await PdndWorld.Http.DeleteAsync(Url("requests"), Cancellation);
        using var afterReset = await Get("requests");

        var body = await PdndWorld.Json(counted);
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        var client = body.GetProperty("clients").GetProperty(_world.ClientId.ToString());
        Assert.Equal(1, client.GetProperty("requests").GetInt32());
        Assert.Equal(1, client.GetProperty("issued").GetInt32());
        Assert.Equal(204, (int)reset.StatusCode);
        Assert.Equal("""{"total":0,"clients":{}}""", (await PdndWorld.Json(afterReset)).GetRawText());
    }

    [Fact]
    public async Task Rate_limit_is_settable_over_http()
    {
        using var world = new PdndWorld();
        using var set = await Put(world, "rate-limit", new { maxRequests = 1, intervalMs = 60_000 });
        await world.Voucher(world.Assertion(world.Claims()));

        using var limited = await world.PostToken(world.Assertion(world.Claims()));

        Assert.Equal(200, (int)set.StatusCode);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Faults_are_settable_over_http_and_off_again()
    {
        using var world = new PdndWorld();
        using var on = await Put(world, "faults", new { errorRatio = 1.0 });
        using var failed = await world.PostToken(world.Assertion(world.Claims()));
        using var off = await Put(world, "faults", new { latencyMs = 0, errorRatio = 0.0 });
        using var served = await world.PostToken(world.Assertion(world.Claims()));

        Assert.Equal(500, (int)failed.StatusCode);
        Assert.Equal(200, (int)served.StatusCode);
        Assert.Equal(PdndFaults.None, world.Pdnd.Faults);
    }

    [Fact]
    public async Task Invalid_fault_ratio_is_a_400()
    {
        using var response = await Put(_world, "faults", new { errorRatio = 2.0 });

        await AssertError(response, 400, "between 0 and 1");
    }

    private static Uri Url(PdndWorld world, string path) => new(world.Host.PdndUrl, $"__sandbox/pdnd/{path}");

    private Uri Url(string path) => Url(_world, path);

    private Task<HttpResponseMessage> Post(string path, object body) => PdndWorld.Http.PostAsJsonAsync(Url(path), body, Cancellation);

    private Task<HttpResponseMessage> Put(PdndWorld world, string path, object body) =>
        PdndWorld.Http.PutAsJsonAsync(Url(world, path), body, Cancellation);

    private Task<HttpResponseMessage> Get(string path) => PdndWorld.Http.GetAsync(Url(path), Cancellation);

    private static async Task AssertError(HttpResponseMessage response, int status, string message)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, (await PdndWorld.Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
