using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Adapters.Pdnd.Modi;
using InteropHub.Adapters.Pdnd.Vouchers;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>
/// The adapter's object graph over fakes: one tenant with two keys (the first active), a stub token endpoint that
/// issues <c>voucher-1</c>, <c>voucher-2</c>, … and fake time.
/// </summary>
internal sealed class PdndTestBed
{
    public const string ClientId = "e58035ce-c753-4f72-b613-46f8a17b71cc";
    public const string ApiInteropClientId = "0b7e2c4a-5d5f-4a57-9f43-3c4d2b1a0e99";
    public const string PurposeId = "6f1f7d1e-1a8b-4a0c-9a43-2f6c6a3b7d10";
    public const string EServiceKey = "anpr-c030";
    public const string ClientAssertionAudience = "auth.uat.interop.pagopa.it/client-assertion";

    // ANPR's audience differs from the URL the hub calls (…MinInternoPortaANPR-PDND…).
    public const string EServiceAudience = "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C030-servizioAccertamentoIdUnicoNazionale/v1";

    public static readonly TenantId Tenant = TenantId.Parse("demo-a");
    public static readonly Uri TokenUrl = new("http://pdnd.test/token.oauth2");

    private readonly Lazy<PdndKeyRing> _keys;
    private readonly Lazy<PdndTokenClient> _tokenClient;
    private readonly Lazy<PdndVoucherProvider> _vouchers;
    private readonly Lazy<ModiHandlerFactory> _modi;

    public PdndTestBed(Func<HttpRequestMessage, int, HttpResponseMessage>? tokenEndpoint = null)
    {
        TokenEndpoint = new StubHandler(tokenEndpoint ?? ((_, n) => StubHandler.Token($"voucher-{n}")));
        Secrets.Values["KEY_1"] = TestKeys.First.ExportPkcs8PrivateKeyPem();
        Secrets.Values["KEY_2"] = TestKeys.Second.ExportRSAPrivateKeyPem();
        Tenants.Tenants.Add(TenantWithActiveKey(first: true));
        Options.EServices[EServiceKey] = new EServiceOptions
        {
            Audience = EServiceAudience,
            Patterns = ["ID_AUTH_REST_01", "INTEGRITY_REST_02", "AUDIT_REST_02"],
        };

        var options = Microsoft.Extensions.Options.Options.Create(Options);
        _keys = new(() => new PdndKeyRing(Tenants, Secrets));
        Assertions = new ClientAssertionFactory(Time, options);
        _tokenClient = new(() => new PdndTokenClient(new StubHttpClientFactory(TokenEndpoint, TokenUrl), Time, new FakeLogger<PdndTokenClient>(Logs)));
        Cache = new VoucherCache(Time, new FakeLogger<VoucherCache>(Logs));
        _vouchers = new(() => new PdndVoucherProvider(Keys, Assertions, TokenClient, Cache));
        ModiTokens = new ModiTokenFactory(Time, options);
        _modi = new(() => new ModiHandlerFactory(options, Keys, Vouchers, new TrackingEvidenceCache(Time, ModiTokens), ModiTokens, new FakeLoggerFactory(Logs)));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public FakeTenants Tenants { get; } = new();

    public InMemorySecrets Secrets { get; } = new();

    public FakeLogCollector Logs { get; } = new();

    public StubHandler TokenEndpoint { get; }

    public PdndOptions Options { get; } = new()
    {
        TokenUrl = TokenUrl,
        ClientAssertionAudience = ClientAssertionAudience,
    };

    public PdndKeyRing Keys => _keys.Value;

    public ClientAssertionFactory Assertions { get; }

    public PdndTokenClient TokenClient => _tokenClient.Value;

    public VoucherCache Cache { get; }

    public PdndVoucherProvider Vouchers => _vouchers.Value;

    public ModiTokenFactory ModiTokens { get; }

    public ModiHandlerFactory Modi => _modi.Value;

    /// <summary>The assertions the token endpoint received, in order.</summary>
    public IReadOnlyList<Jws> ReceivedAssertions => TokenEndpoint.Received.Select(r => Jws.Parse(r.Form["client_assertion"])).ToList();

    public static TenantSettings TenantWithActiveKey(bool first) => new()
    {
        Id = Tenant.Value,
        Name = "Comune di Prova",
        Pdnd = new TenantPdndSettings
        {
            ClientId = ClientId,
            ApiInteropClientId = ApiInteropClientId,
            Keys = [TestKeys.KeySettings(TestKeys.First, first, "KEY_1"), TestKeys.KeySettings(TestKeys.Second, !first, "KEY_2")],
            Purposes = new Dictionary<string, string> { [EServiceKey] = PurposeId },
        },
    };

    /// <summary>A client to the producer through the ModI handler of <paramref name="eServiceKey"/>.</summary>
    public HttpClient ProducerClient(HttpMessageHandler producer, string eServiceKey = EServiceKey)
    {
        var handler = Modi.Create(eServiceKey);
        handler.InnerHandler = producer;
        return new HttpClient(handler) { BaseAddress = new Uri("http://anpr.test/MinInternoPortaANPR-PDND/C030/v1/") };
    }

    public static ModiRequestContext Operator(string operatorId) => new(Tenant)
    {
        OperatorId = operatorId,
        UserLocation = "anagrafe-sportello-1",
        LevelOfAssurance = "LoA3",
    };

    private sealed class FakeLoggerFactory(FakeLogCollector logs) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new FakeLogger(logs, categoryName);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
