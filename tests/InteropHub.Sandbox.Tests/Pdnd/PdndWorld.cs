using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using InteropHub.Sandbox.Pdnd;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InteropHub.Sandbox.Tests.Pdnd;

/// <summary>
/// One organization in a sandbox, owning an e-service client (key + active purpose) and an api-interop client (key);
/// client assertions are built here with IdentityModel, independently of the sandbox.
/// </summary>
internal sealed class PdndWorld : IDisposable
{
    public const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static readonly HttpClient Http = new();

    private readonly SandboxFixture _sandbox;

    // Generating RSA keys is slow; tests share the parameters and build their own RSA objects.
    private static readonly Lazy<RSAParameters[]> Keys = new(() =>
        [.. Enumerable.Range(0, 3).Select(_ =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportParameters(includePrivateParameters: true);
        })]);

    private readonly SandboxFixture? _ownSandbox;

    /// <summary>In a sandbox of its own, for tests that change the sandbox's settings, faults or limits.</summary>
    public PdndWorld(PdndSandboxSettings? settings = null)
        : this(new SandboxFixture(settings ?? new PdndSandboxSettings()))
    {
        _ownSandbox = _sandbox;
    }

    /// <summary>In a sandbox shared with other tests.</summary>
    public PdndWorld(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        Pdnd.RegisterClient(ClientId, PdndClientKind.EService, OrganizationId);
        Kid = Pdnd.RegisterKey(ClientId, ClientKey);
        Pdnd.RegisterPurpose(Purpose());
        Pdnd.RegisterClient(ApiClientId, PdndClientKind.ApiInterop, OrganizationId);
        ApiKid = Pdnd.RegisterKey(ApiClientId, ApiKey);
    }

    public FakeTimeProvider Time => _sandbox.Time;

    public SandboxHost Host => _sandbox.Host;

    public PdndSandbox Pdnd => Host.Pdnd;

    public Guid OrganizationId { get; } = Guid.NewGuid();

    public Guid ClientId { get; } = Guid.NewGuid();

    public RSA ClientKey { get; } = Rsa(0);

    public string Kid { get; }

    public Guid PurposeId { get; } = Guid.NewGuid();

    public Guid EServiceId { get; } = Guid.NewGuid();

    public Guid ApiClientId { get; } = Guid.NewGuid();

    public RSA ApiKey { get; } = Rsa(1);

    public string ApiKid { get; }

    /// <summary>A key no client registered.</summary>
    public RSA StrangerKey { get; } = Rsa(2);

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public static RSA Rsa(int index)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(Keys.Value[index]);
        return rsa;
    }

    public PdndPurpose Purpose() => new()
    {
        PurposeId = PurposeId,
        ClientId = ClientId,
        EServiceId = EServiceId,
        Audiences = ["https://anpr.example/C001", "https://anpr.example/C001-bis"],
    };

    /// <summary>The claims of a valid e-service client assertion, to change per test.</summary>
    public Dictionary<string, object> Claims() => new()
    {
        ["iss"] = ClientId.ToString(),
        ["sub"] = ClientId.ToString(),
        ["aud"] = Pdnd.Settings.ClientAssertionAudience,
        ["jti"] = Guid.NewGuid().ToString(),
        ["iat"] = Now,
        ["exp"] = Now + 120,
        ["purposeId"] = PurposeId.ToString(),
    };

    public Dictionary<string, object> ApiClaims()
    {
        var claims = Claims();
        claims["iss"] = claims["sub"] = ApiClientId.ToString();
        claims.Remove("purposeId");
        return claims;
    }

    public static SigningCredentials Rs256(RSA key, string kid) =>
        Credentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256);

    /// <summary>Credentials without IdentityModel's provider cache, which would reuse another test's disposed RSA.</summary>
    public static SigningCredentials Credentials(SecurityKey key, string algorithm) =>
        new(key, algorithm) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } };

    public SigningCredentials ClientCredentials => Rs256(ClientKey, Kid);

    public static string Assertion(
        Dictionary<string, object> claims, SigningCredentials credentials, Dictionary<string, object>? extraHeader = null)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = credentials,
            AdditionalHeaderClaims = extraHeader,
        });
    }

    public string Assertion(Dictionary<string, object> claims) => Assertion(claims, ClientCredentials);

    public static Dictionary<string, string> Form(string assertion) => new()
    {
        ["client_assertion"] = assertion,
        ["client_assertion_type"] = JwtBearer,
        ["grant_type"] = "client_credentials",
    };

    public Task<HttpResponseMessage> PostToken(string assertion) => PostToken(Form(assertion));

    public Task<HttpResponseMessage> PostToken(Dictionary<string, string> form) =>
        Http.PostAsync(Pdnd.TokenUrl, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

    /// <summary>Posts the assertion and returns the voucher, failing unless the answer is 200.</summary>
    public async Task<TokenResponse> Voucher(string assertion)
    {
        using var response = await PostToken(assertion);
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken))!;
    }

    public async Task<string> ApiVoucher() =>
        (await Voucher(Assertion(ApiClaims(), Rs256(ApiKey, ApiKid)))).AccessToken;

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _ownSandbox?.Dispose();
        ClientKey.Dispose();
        ApiKey.Dispose();
        StrangerKey.Dispose();
    }
}

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
