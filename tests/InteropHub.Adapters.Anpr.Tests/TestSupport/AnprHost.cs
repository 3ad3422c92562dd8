using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using InteropHub.Testing;

namespace InteropHub.Adapters.Anpr.Tests.TestSupport;

/// <summary>
/// The plugin registered as the host would, every e-service enabled and pointed at <see cref="FakeAnpr"/>, with the
/// contracts it needs faked in memory (PDND ModI handlers, operation ids, quota ledger, tenants), fake time and
/// fake logging of every category at Trace.
/// </summary>
internal sealed class AnprHost : IDisposable
{
    public const string BaseHost = "http://anpr.test";

    private readonly Lazy<ServiceProvider> _provider;

    public AnprHost(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Adapters:Anpr:Resilience:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in new AnprAdapterPlugin().SandboxSettings(new Uri(BaseHost)))
        {
            settings[$"Adapters:Anpr:{key}"] = value;
        }

        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ITenantDirectory>(Tenants);
        services.AddSingleton<IOperationIdSource>(OperationIds);
        services.AddSingleton<IQuotaLedger>(Ledger);
        services.AddSingleton<IModiHandlerFactory>(Modi);
        Registration = new TestAdapterRegistration(services, configuration.GetSection("Adapters:Anpr"), Tenants.Tenants);
        new AnprAdapterPlugin().Register(Registration);
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => Anpr));
        _provider = new(() => services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>10:00 in Rome.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public FakeTenants Tenants { get; } = new();

    public SequentialOperationIds OperationIds { get; } = new();

    public InMemoryQuotaLedger Ledger { get; } = new();

    public FakeModiHandlerFactory Modi { get; } = new();

    public FakeAnpr Anpr { get; } = new();

    public TestAdapterRegistration Registration { get; }

    public IServiceProvider Services => _provider.Value;

    public IResidentRegistry Registry => Services.GetRequiredService<IResidentRegistry>();

    public AnprOptions Options => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnprOptions>>().Value;

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static FiscalCode Giovanni { get; } = FiscalCode.Parse(AnprSamples.GiovanniCf);

    public static FiscalCode Claudia { get; } = FiscalCode.Parse(AnprSamples.ClaudiaCf);

    public static CallerContext Caller(TenantId? tenant = null) => new(tenant ?? FakeTenants.A, "req-1", "operator-7", "PROT-2026-0001");

    public static ResidentQuery Query(FiscalCode? fiscalCode = null, TenantId? tenant = null, DateOnly? at = null) =>
        new(Caller(tenant), fiscalCode ?? Giovanni, at);

    public void Dispose()
    {
        if (_provider.IsValueCreated)
        {
            _provider.Value.Dispose();
        }
    }
}
