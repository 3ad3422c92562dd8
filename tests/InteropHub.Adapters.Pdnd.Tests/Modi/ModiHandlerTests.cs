using System.Net;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;
using InteropHub.Contracts.Pdnd;

namespace InteropHub.Adapters.Pdnd.Tests.Modi;

public sealed class ModiHandlerTests
{
    private const string Body = """{"idOperazioneClient":"1","criteriRicerca":{"codiceFiscale":"RSSMRA80A01H501U"}}""";

    private readonly PdndTestBed _bed = new();

    private static HttpRequestMessage Post(ModiRequestContext context, string body = Body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "anpr-service-e002")
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        request.Options.Set(ModiRequestContext.OptionsKey, context);
        return request;
    }

    private static StubHandler Producer() => new((_, _) => new HttpResponseMessage(HttpStatusCode.OK));

    private async Task<ReceivedRequest> SendOne(ModiRequestContext? context = null)
    {
        var producer = Producer();
        using var client = _bed.ProducerClient(producer);
        using var response = await client.SendAsync(Post(context ?? PdndTestBed.Operator("op-1")), TestContext.Current.CancellationToken);
        return Assert.Single(producer.Received);
    }

    [Fact]
    public async Task Sends_the_voucher_as_bearer()
    {
        var received = await SendOne();

        Assert.Equal("Bearer voucher-1", received.Header("Authorization"));
    }

    [Fact]
    public async Task Digest_and_signature_pass_an_independent_verifier()
    {
        var received = await SendOne();

        // Digest over the exact bytes the producer received.
        var expectedDigest = "SHA-256=" + Convert.ToBase64String(SHA256.HashData(received.Body!));
        Assert.Equal(expectedDigest, received.Header("Digest"));

        var signature = Jws.Parse(received.Header("Agid-JWT-Signature")!);
        Assert.True(signature.VerifiesWith(TestKeys.First));
        Assert.Equal(TestKeys.Thumbprint(TestKeys.First), signature.Header.GetProperty("kid").GetString());
        Assert.Equal("RS256", signature.Header.GetProperty("alg").GetString());
        Assert.Equal(PdndTestBed.EServiceAudience, signature.Claim("aud"));
        Assert.Equal(PdndTestBed.ClientId, signature.Claim("iss"));
        Assert.DoesNotContain("nbf", signature.ClaimNames);
        Assert.Equal(_bed.Time.GetUtcNow().ToUnixTimeSeconds() - 5, signature.Payload.GetProperty("iat").GetInt64());

        var signedHeaders = signature.Payload.GetProperty("signed_headers");
        Assert.Equal(JsonValueKind.Array, signedHeaders.ValueKind);
        var entries = signedHeaders.EnumerateArray().Select(e => Assert.Single(e.EnumerateObject())).ToList();
        Assert.Equal(["digest", "content-type"], entries.Select(e => e.Name));
        Assert.Equal(expectedDigest, entries[0].Value.GetString());
        Assert.Equal(received.Header("Content-Type"), entries[1].Value.GetString());
    }

    [Fact]
    public async Task Content_encoding_is_signed_when_present()
    {
        var producer = Producer();
        using var client = _bed.ProducerClient(producer);
        var request = Post(PdndTestBed.Operator("op-1"));
        request.Content!.Headers.ContentEncoding.Add("UTF-8");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var signature = Jws.Parse(Assert.Single(producer.Received).Header("Agid-JWT-Signature")!);
        var names = signature.Payload.GetProperty("signed_headers").EnumerateArray().Select(e => e.EnumerateObject().Single()).ToList();
        Assert.Equal(["digest", "content-type", "content-encoding"], names.Select(n => n.Name));
        Assert.Equal("UTF-8", names[2].Value.GetString());
    }

    [Fact]
    public async Task A_retried_request_is_re_signed_with_single_headers()
    {
        var producer = Producer();
        var handler = _bed.Modi.Create(PdndTestBed.EServiceKey);
        handler.InnerHandler = producer;
        using var invoker = new HttpMessageInvoker(handler);
        var request = Post(PdndTestBed.Operator("op-1"));

        // The resilience handler re-sends the same message object.
        (await invoker.SendAsync(request, TestContext.Current.CancellationToken)).Dispose();
        (await invoker.SendAsync(request, TestContext.Current.CancellationToken)).Dispose();

        var sent = producer.Received.ToList();
        Assert.All(sent, r =>
        {
            Assert.Single(r.Headers["Digest"]);
            Assert.Single(r.Headers["Agid-JWT-Signature"]);
            Assert.Single(r.Headers["Agid-JWT-TrackingEvidence"]);
            Assert.Single(r.Headers["Authorization"]);
        });
        Assert.NotEqual(
            Jws.Parse(sent[0].Header("Agid-JWT-Signature")!).Claim("jti"),
            Jws.Parse(sent[1].Header("Agid-JWT-Signature")!).Claim("jti"));
    }

    [Fact]
    public async Task A_401_from_the_producer_is_retried_once_with_a_new_voucher()
    {
        var producer = new StubHandler((_, n) => new HttpResponseMessage(n == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
        using var client = _bed.ProducerClient(producer);

        using var response = await client.SendAsync(Post(PdndTestBed.Operator("op-1")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer voucher-1", "Bearer voucher-2"], producer.Received.Select(r => r.Header("Authorization")));
        Assert.Equal(2, _bed.TokenEndpoint.Count);
    }

    [Fact]
    public async Task A_second_401_is_returned_without_a_third_attempt()
    {
        var producer = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var client = _bed.ProducerClient(producer);

        using var response = await client.SendAsync(Post(PdndTestBed.Operator("op-1")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, producer.Count);
    }

    [Fact]
    public async Task Tracking_evidence_carries_the_operator_and_the_required_claims()
    {
        var received = await SendOne(PdndTestBed.Operator("op-7"));

        var evidence = Jws.Parse(received.Header("Agid-JWT-TrackingEvidence")!);
        Assert.True(evidence.VerifiesWith(TestKeys.First));
        Assert.Equal(["LoA", "aud", "dnonce", "exp", "iat", "iss", "jti", "purposeId", "userID", "userLocation"], evidence.ClaimNames.Order(StringComparer.Ordinal));
        Assert.Equal("op-7", evidence.Claim("userID"));
        Assert.Equal("anagrafe-sportello-1", evidence.Claim("userLocation"));
        Assert.Equal("LoA3", evidence.Claim("LoA"));
        Assert.Equal(PdndTestBed.PurposeId, evidence.Claim("purposeId"));
        Assert.Equal(PdndTestBed.EServiceAudience, evidence.Claim("aud"));
        Assert.Equal(13, evidence.Payload.GetProperty("dnonce").GetRawText().Length);
    }

    [Fact]
    public async Task Audit_rest_02_binds_the_hex_sha256_of_the_evidence_into_the_assertion_digest()
    {
        var received = await SendOne();

        var evidence = received.Header("Agid-JWT-TrackingEvidence")!;
        var digest = Assert.Single(_bed.ReceivedAssertions).Payload.GetProperty("digest");
        Assert.Equal("SHA256", digest.GetProperty("alg").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(evidence))), digest.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Many_calls_of_one_operator_share_one_evidence_and_one_voucher()
    {
        var producer = Producer();
        using var client = _bed.ProducerClient(producer);

        for (var i = 0; i < 5; i++)
        {
            (await client.SendAsync(Post(PdndTestBed.Operator("op-1")), TestContext.Current.CancellationToken)).Dispose();
            _bed.Time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(1, _bed.TokenEndpoint.Count);
        Assert.Single(producer.Received.Select(r => r.Header("Agid-JWT-TrackingEvidence")).Distinct());
    }

    [Fact]
    public async Task Another_operator_gets_another_evidence_and_voucher()
    {
        var producer = Producer();
        using var client = _bed.ProducerClient(producer);

        (await client.SendAsync(Post(PdndTestBed.Operator("op-1")), TestContext.Current.CancellationToken)).Dispose();
        (await client.SendAsync(Post(PdndTestBed.Operator("op-2")), TestContext.Current.CancellationToken)).Dispose();

        Assert.Equal(2, _bed.TokenEndpoint.Count);
        Assert.Equal(["Bearer voucher-1", "Bearer voucher-2"], producer.Received.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task An_expired_evidence_is_replaced_and_brings_a_new_voucher()
    {
        var producer = Producer();
        using var client = _bed.ProducerClient(producer);
        (await client.SendAsync(Post(PdndTestBed.Operator("op-1")), TestContext.Current.CancellationToken)).Dispose();

        _bed.Time.Advance(_bed.Options.Modi.TrackingEvidenceLifetime);
        (await client.SendAsync(Post(PdndTestBed.Operator("op-1")), TestContext.Current.CancellationToken)).Dispose();

        Assert.Equal(2, producer.Received.Select(r => r.Header("Agid-JWT-TrackingEvidence")).Distinct().Count());
        Assert.Equal(2, _bed.TokenEndpoint.Count);
    }

    [Fact]
    public async Task Audit_without_an_operator_is_refused_before_anything_is_sent()
    {
        var producer = Producer();
        using var client = _bed.ProducerClient(producer);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.SendAsync(Post(new ModiRequestContext(PdndTestBed.Tenant)), TestContext.Current.CancellationToken));

        Assert.Contains("OperatorId", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, producer.Count);
    }

    [Fact]
    public async Task A_request_without_context_is_refused()
    {
        using var client = _bed.ProducerClient(Producer());
        var request = new HttpRequestMessage(HttpMethod.Get, "x");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(request, TestContext.Current.CancellationToken));

        Assert.Contains(ModiRequestContext.OptionsKeyName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Id_auth_only_e_service_gets_just_the_voucher()
    {
        _bed.Options.EServices["plain"] = new EServiceOptions { Audience = "plain-aud", Patterns = ["ID_AUTH_REST_01"] };
        var producer = Producer();
        using var client = _bed.ProducerClient(producer, "plain");
        var request = Post(new ModiRequestContext(PdndTestBed.Tenant) { PurposeId = PdndTestBed.PurposeId });

        (await client.SendAsync(request, TestContext.Current.CancellationToken)).Dispose();

        var received = Assert.Single(producer.Received);
        Assert.Equal("Bearer voucher-1", received.Header("Authorization"));
        Assert.Null(received.Header("Digest"));
        Assert.Null(received.Header("Agid-JWT-Signature"));
        Assert.Null(received.Header("Agid-JWT-TrackingEvidence"));
        Assert.DoesNotContain("digest", Assert.Single(_bed.ReceivedAssertions).ClaimNames);
    }

    [Fact]
    public void A_disabled_or_unknown_e_service_has_no_handler()
    {
        _bed.Options.EServices[PdndTestBed.EServiceKey].Enabled = false;

        Assert.Throws<InvalidOperationException>(() => _bed.Modi.Create(PdndTestBed.EServiceKey));
        Assert.Throws<InvalidOperationException>(() => _bed.Modi.Create("unknown"));
    }

    [Fact]
    public async Task A_profile_from_another_adapter_uses_its_own_audience()
    {
        var producer = Producer();
        var handler = _bed.Modi.Create(new ModiEServiceProfile(PdndTestBed.EServiceKey, "own-audience", ModiPatterns.IdAuthRest01 | ModiPatterns.IntegrityRest02));
        handler.InnerHandler = producer;
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://producer.test/") };

        (await client.SendAsync(Post(PdndTestBed.Operator("op-1")), TestContext.Current.CancellationToken)).Dispose();

        Assert.Equal("own-audience", Jws.Parse(Assert.Single(producer.Received).Header("Agid-JWT-Signature")!).Claim("aud"));
    }
}
