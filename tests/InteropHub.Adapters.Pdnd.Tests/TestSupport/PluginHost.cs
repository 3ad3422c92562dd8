using System.Net;
using InteropHub.Adapters.Pdnd.Health;
using InteropHub.Adapters.Pdnd.Vouchers;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using InteropHub.Testing;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>
/// The plugin registered into a service collection as the host would, with stub primary handlers for the token
/// endpoint, the probe (also the sandbox control surface) and Signal Hub, fake time and fake logging of every category.
/// </summary>
internal sealed class PluginHost : IDisposable
{
    private readonly Lazy<ServiceProvider> _provider;

    /// <param name="overrides">Settings over the defaults.</param>
    /// <param name="eServiceSources">The e-services other adapters would declare (as the ANPR adapter does).</param>
    public PluginHost(Dictionary<string, string?>? overrides = null, IReadOnlyList<IPdndEServiceSource>? eServiceSources = null)
    {
        Secrets.Values["KEY_1"] = TestKeys.First.ExportPkcs8PrivateKeyPem();
        Secrets.Values["KEY_2"] = TestKeys.Second.ExportPkcs8PrivateKeyPem();
        Tenants.Tenants.Add(PdndTestBed.TenantWithActiveKey(first: true));
        Tenants.Tenants.Add(new TenantSettings { Id = "demo-b", Name = "Comune senza PDND" });
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Pdnd:TokenUrl"] = PdndTestBed.TokenUrl.AbsoluteUri,
            ["Adapters:Pdnd:ClientAssertionAudience"] = PdndTestBed.ClientAssertionAudience,
            ["Adapters:Pdnd:EServices:anpr-c030:Audience"] = PdndTestBed.EServiceAudience,
            ["Adapters:Pdnd:EServices:anpr-c030:Patterns:0"] = "ID_AUTH_REST_01",
            ["Adapters:Pdnd:EServices:anpr-c030:Patterns:1"] = "INTEGRITY_REST_02",
            ["Adapters:Pdnd:SignalHub:Enabled"] = "true",
            ["Adapters:Pdnd:SignalHub:BaseUrl"] = "http://signalhub.test/1.0",
            ["Adapters:Pdnd:SignalHub:Audience"] = "uat.interop.pagopa.it/m2m",
            ["Adapters:Pdnd:SignalHub:Cron"] = "0 0/5 * * * ?",
            ["Adapters:Pdnd:SignalHub:EServiceIds:0"] = FakeSignalHub.EServiceId,
            ["Adapters:Pdnd:Resilience:MaxRetryAttempts"] = "1",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ITenantDirectory>(Tenants);
        services.AddSingleton<ISecretResolver>(Secrets);
        services.AddSingleton<ICheckpointStore>(new InMemoryCheckpointStore(Time));
        services.AddSingleton<IEventPublisher>(Events);
        foreach (var source in eServiceSources ?? [])
        {
            services.AddSingleton(source);
        }

        Registration = new TestAdapterRegistration(services, configuration.GetSection("Adapters:Pdnd"), Tenants.Tenants);
        new PdndAdapterPlugin().Register(Registration);
        services.AddHttpClient(PdndTokenClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => TokenEndpoint);
        services.AddHttpClient(TokenEndpointProbe.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Probe);
        services.AddHttpClient("pdnd-signalhub").ConfigurePrimaryHttpMessageHandler(() => SignalHub.Handler);
        _provider = new(() => services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public FakeTenants Tenants { get; } = new();

    public InMemorySecrets Secrets { get; } = new();

    public DeduplicatingEventPublisher Events { get; } = new();

    public TestAdapterRegistration Registration { get; }

    public Func<HttpRequestMessage, int, HttpResponseMessage> TokenResponder { get; set; } = (_, n) => StubHandler.Token($"voucher-{n}");

    public Func<HttpRequestMessage, int, HttpResponseMessage> ProbeResponder { get; set; } = (_, _) => new HttpResponseMessage(HttpStatusCode.MethodNotAllowed);

    public StubHandler TokenEndpoint => field ??= new StubHandler((r, n) => TokenResponder(r, n));

    public StubHandler Probe => field ??= new StubHandler((r, n) => ProbeResponder(r, n));

    public FakeSignalHub SignalHub { get; } = new();

    public IServiceProvider Services => _provider.Value;

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public IReadOnlyList<Jws> ReceivedAssertions =>
        TokenEndpoint.Received.Select(r => Jws.Parse(r.Form["client_assertion"])).ToList();

    public void Dispose()
    {
        if (_provider.IsValueCreated)
        {
            _provider.Value.Dispose();
        }
    }
}
