using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.Pdnd;
using InteropHub.Sandbox.Tests.Pdnd;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>
/// A consumer calling ANPR the way docs/platforms/anpr.md §3 describes, written independently of the sandbox: a PDND client and
/// purpose for the service's audience, the Agid-JWT-TrackingEvidence, a voucher carrying its digest, the Digest of
/// the body and the Agid-JWT-Signature over it. Each step can be spoiled to see a refusal.
/// </summary>
internal sealed class ModiClient : IDisposable
{
    private readonly AnprHost _host;
    private readonly string _service;
    private readonly RSA _key = PdndWorld.Rsa(0);
    private readonly string _kid;

    public ModiClient(AnprHost host, string service, string? purposeAudience = null)
    {
        _host = host;
        _service = service;
        var pdnd = host.Host.Pdnd;
        pdnd.RegisterClient(ClientId, PdndClientKind.EService, Guid.NewGuid());
        _kid = pdnd.RegisterKey(ClientId, _key);
        pdnd.RegisterPurpose(new PdndPurpose
        {
            PurposeId = PurposeId,
            ClientId = ClientId,
            EServiceId = Guid.NewGuid(),
            Audiences = [purposeAudience ?? Audience],
        });
    }

    public Guid ClientId { get; } = Guid.NewGuid();

    public Guid PurposeId { get; } = Guid.NewGuid();

    public string Audience => _host.Anpr.Audience(_service);

    private long Now => _host.Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Sends the body with every ModI header, after <paramref name="spoil"/> changed what it wanted.</summary>
    public async Task<HttpResponseMessage> Send(JsonNode body, Action<ModiParts>? spoil = null)
    {
        var parts = new ModiParts { Body = body.ToJsonString(), Evidence = EvidenceClaims(), Signature = [] };
        spoil?.Invoke(parts);

        var evidence = Sign(parts.Evidence);
        var voucher = await Voucher(parts.VoucherDigestOf ?? evidence, parts.AssertionPurposeId ?? PurposeId);
        if (parts.VoucherSignedBy is { } forger)
        {
            voucher = Resign(voucher, forger);
        }

        var bytes = Encoding.UTF8.GetBytes(parts.SentBody ?? parts.Body);
        var digest = parts.Digest ?? "SHA-256=" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(parts.Body)));
        var signature = SignatureClaims(digest);
        if (parts.ContentEncoding is { } signedEncoding)
        {
            signature["signed_headers"]!.AsArray().Add(new JsonObject { ["content-encoding"] = signedEncoding });
        }

        foreach (var (name, value) in parts.Signature)
        {
            signature[name] = value?.DeepClone();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_host.Anpr.ServiceUrl(_service)}/anpr-service-e002"))
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        Add(request, parts, "Authorization", "Bearer " + voucher);
        Add(request, parts, "Agid-JWT-TrackingEvidence", evidence);
        Add(request, parts, "Digest", digest);
        Add(request, parts, "Agid-JWT-Signature", Sign(signature));
        if (parts.ContentEncoding is { } encoding)
        {
            request.Content.Headers.ContentEncoding.Add(encoding);
        }

        return await AnprHost.Http.SendAsync(request, AnprHost.Cancellation);
    }

    /// <summary>Gets the service's <c>/status</c> with a voucher and tracking evidence, as a request without payload carries them.</summary>
    public async Task<HttpResponseMessage> Status(Guid? assertionPurposeId = null)
    {
        var evidence = Sign(EvidenceClaims());
        var voucher = await Voucher(evidence, assertionPurposeId ?? PurposeId);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{_host.Anpr.ServiceUrl(_service)}/status"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + voucher);
        request.Headers.TryAddWithoutValidation("Agid-JWT-TrackingEvidence", evidence);
        return await AnprHost.Http.SendAsync(request, AnprHost.Cancellation);
    }

    public void Dispose() => _key.Dispose();

    private JsonObject EvidenceClaims() => new()
    {
        ["iss"] = ClientId.ToString(),
        ["aud"] = Audience,
        ["purposeId"] = PurposeId.ToString(),
        ["jti"] = Guid.NewGuid().ToString(),
        ["iat"] = Now,
        ["nbf"] = Now,
        ["exp"] = Now + 300,
        ["userID"] = "operatore-1",
        ["userLocation"] = "postazione-1",
        ["LoA"] = "LoA3",
    };

    private JsonObject SignatureClaims(string digest) => new()
    {
        ["iss"] = ClientId.ToString(),
        ["sub"] = ClientId.ToString(),
        ["aud"] = Audience,
        ["jti"] = Guid.NewGuid().ToString(),
        ["iat"] = Now,
        ["nbf"] = Now,
        ["exp"] = Now + 300,
        ["signed_headers"] = new JsonArray(new JsonObject { ["digest"] = digest }, new JsonObject { ["content-type"] = "application/json" }),
    };

    /// <summary>A PDND voucher for the purpose, whose client assertion carries the digest of <paramref name="evidence"/>.</summary>
    private async Task<string> Voucher(string evidence, Guid purposeId)
    {
        var assertion = Sign(new JsonObject
        {
            ["iss"] = ClientId.ToString(),
            ["sub"] = ClientId.ToString(),
            ["aud"] = _host.Host.Pdnd.Settings.ClientAssertionAudience,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = Now,
            ["exp"] = Now + 120,
            ["purposeId"] = purposeId.ToString(),
            ["digest"] = new JsonObject { ["alg"] = "SHA256", ["value"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(evidence))) },
        });
        using var response = await AnprHost.Http.PostAsync(_host.Host.Pdnd.TokenUrl, new FormUrlEncodedContent(PdndWorld.Form(assertion)), AnprHost.Cancellation);
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(AnprHost.Cancellation)).GetProperty("access_token").GetString()!;
    }

    private string Sign(JsonObject claims) => Jws(new JsonObject { ["alg"] = "RS256", ["kid"] = _kid, ["typ"] = "JWT" }, claims, _key);

    private static string Jws(JsonObject header, JsonObject claims, RSA key)
    {
        var input = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()))}";
        return $"{input}.{Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    /// <summary>The same header and claims, signed by another key.</summary>
    private static string Resign(string token, RSA key)
    {
        var input = token[..token.LastIndexOf('.')];
        return $"{input}.{Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    private static void Add(HttpRequestMessage request, ModiParts parts, string header, string value)
    {
        if (!parts.Omit.Contains(header))
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
    }
}

/// <summary>What a test may spoil in a ModI request before it is built.</summary>
internal sealed class ModiParts
{
    public required string Body { get; init; }

    /// <summary>Sent instead of <see cref="Body"/>, which the Digest and the signature were computed on.</summary>
    public string? SentBody { get; set; }

    public required JsonObject Evidence { get; init; }

    /// <summary>Claims set over the Agid-JWT-Signature's own.</summary>
    public required JsonObject Signature { get; init; }

    public Guid? AssertionPurposeId { get; set; }

    /// <summary>Another tracking evidence whose digest goes into the voucher.</summary>
    public string? VoucherDigestOf { get; set; }

    public RSA? VoucherSignedBy { get; set; }

    public string? Digest { get; set; }

    public HashSet<string> Omit { get; } = [];

    /// <summary>A Content-Encoding header to send and sign (SEND and OpenMSP send "UTF-8").</summary>
    public string? ContentEncoding { get; set; }
}
