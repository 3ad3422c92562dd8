using System.Security.Cryptography;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// PDND Interoperabilità's authorization server and Signal Hub pull API on one WireMock server, with the
/// control operations of <c>/__sandbox/pdnd</c> as methods for in-process use.
/// </summary>
public sealed class PdndSandbox
{
    private readonly PdndRegistry _registry = new();
    private readonly TokenRequestLog _log = new();
    private readonly SignalStore _signals = new();
    private readonly VoucherSigner _signer = new();
    private readonly TokenRateLimiter _rateLimiter;
    private readonly TokenEndpoint _tokenEndpoint;
    private readonly PullSignalsEndpoint _pullSignals;

    private PdndSandbox(Uri baseUrl, PdndSandboxSettings settings, TimeProvider time)
    {
        Settings = settings;
        TokenUrl = new Uri(baseUrl, "token.oauth2");
        JwksUrl = new Uri(baseUrl, ".well-known/jwks.json");
        SignalHubPullUrl = new Uri(baseUrl, "pull");
        _rateLimiter = new TokenRateLimiter(settings.RateLimit, time);
        _tokenEndpoint = new TokenEndpoint(_registry, _signer, _rateLimiter, _log, settings, time);
        _pullSignals = new PullSignalsEndpoint(_signals, _registry, _signer, settings, time);
    }

    public PdndSandboxSettings Settings { get; }

    /// <summary><c>POST</c> form-encoded client assertions here.</summary>
    public Uri TokenUrl { get; }

    /// <summary>The voucher-signing keys.</summary>
    public Uri JwksUrl { get; }

    /// <summary>The Signal Hub pull base URL; signals are at <c>{SignalHubPullUrl}/signals/{eserviceId}</c>.</summary>
    public Uri SignalHubPullUrl { get; }

    /// <summary>Token requests allowed per consumer organization and interval; setting it restarts every window.</summary>
    public PdndRateLimit RateLimit
    {
        get => _rateLimiter.Limit;
        set => _rateLimiter.Limit = value;
    }

    /// <summary>Latency and 500 ratio of the token endpoint; <see cref="PdndFaults.None"/> by default.</summary>
    public PdndFaults Faults
    {
        get => _tokenEndpoint.Faults;
        set => _tokenEndpoint.Faults = value;
    }

    /// <summary>Registers a client, or changes its kind and organization keeping its keys.</summary>
    public void RegisterClient(Guid clientId, PdndClientKind kind, Guid organizationId) =>
        _registry.RegisterClient(clientId, kind, organizationId);

    /// <summary>Registers an RSA public key (PEM, at least 2048 bits) of a registered client; returns its kid.</summary>
    public string RegisterKey(Guid clientId, string publicKeyPem) =>
        RegisterKey(clientId, ClientPublicKey.FromPem(publicKeyPem));

    /// <summary>Registers the public part of an RSA key of a registered client; returns its kid.</summary>
    public string RegisterKey(Guid clientId, RSA key) => RegisterKey(clientId, ClientPublicKey.FromRsa(key));

    /// <summary>Registers or replaces a purpose of a registered e-service client.</summary>
    public void RegisterPurpose(PdndPurpose purpose) => _registry.RegisterPurpose(purpose);

    /// <summary>Why the last refused token request of this client was refused, or null.</summary>
    public PdndRefusal? LastRefusal(Guid clientId) => _log.LastRefusal(clientId);

    /// <summary>Why the last refused token request of any client was refused, or null.</summary>
    public PdndRefusal? LastRefusal() => _log.LastRefusal();

    /// <summary>The token requests attributed to this client (by <c>client_id</c>, else the assertion's <c>sub</c>).</summary>
    public PdndTokenRequestCounts TokenRequests(Guid clientId) => _log.Counts(clientId);

    public void ResetTokenRequestCounts() => _log.ResetCounts();

    /// <summary>Publishes a signal for an e-service; returns its id, one more than the e-service's previous signal.</summary>
    public long SeedSignal(Guid eserviceId, PdndSignalType signalType, string objectId, string objectType) =>
        _signals.Seed(eserviceId, signalType, objectId, objectType);

    internal static PdndSandbox Attach(WireMockServer server, PdndSandboxSettings settings, TimeProvider time)
    {
        var sandbox = new PdndSandbox(PlatformServer.BaseUri(server), settings, time);
        server
            .Given(Request.Create().WithPath("/token.oauth2").UsingPost())
            .RespondWith(Response.Create().WithCallback(sandbox._tokenEndpoint.HandleAsync));
        server
            .Given(Request.Create().WithPath("/.well-known/jwks.json").UsingGet())
            .RespondWith(Response.Create()
                .WithStatusCode(200)
                .WithHeader("Content-Type", "application/json")
                .WithBody(sandbox._signer.Jwks().ToJsonString()));
        server
            .Given(Request.Create().WithPath(new RegexMatcher("^/pull/signals/[^/]+$")).UsingGet())
            .RespondWith(Response.Create().WithCallback(sandbox._pullSignals.Handle));
        ControlEndpoints.Map(server, sandbox);
        return sandbox;
    }

    internal string RegisterKey(Guid clientId, ClientPublicKey key) => _registry.RegisterKey(clientId, key);

    internal (int Total, IReadOnlyDictionary<Guid, PdndTokenRequestCounts> PerClient) TokenRequestSnapshot() => _log.Snapshot();
}
