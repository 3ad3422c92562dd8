using InteropHub.Contracts.Adapters;
using System.Globalization;
using InteropHub.Adapters.PagoPa.Tests.TestSupport;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using InteropHub.Testing;

namespace InteropHub.Adapters.PagoPa.Tests.Fdr;

/// <summary>
/// The plugin registered as the host would, pointed at a WireMock server that answers only what a test scripts (the
/// pagoPA sandbox has no FdR or Biz-Events yet). Two tenants: Bari has its own FdR and Biz-Events keys, Lecce only a
/// GPD key. Every call each client sends (retries included) is recorded in <see cref="Wire"/>;
/// the hub's clock is <see cref="Time"/>, which moves only when a test advances it.
/// </summary>
internal sealed class ScriptedPagoPa : IDisposable
{
    public const string Bari = "80015010723";
    public const string Lecce = "80008510754";
    public const string BariGpdKey = "gpd-key-of-bari";
    public const string BariFdrKey = "fdr-key-of-bari";
    public const string BariBizEventsKey = "biz-events-key-of-bari";
    public const string LecceGpdKey = "gpd-key-of-lecce";
    public const int ReadRetries = 2;
    public const string FdrBase = "/fdr-org/service/v1";
    public const string BizEventsBase = "/bizevents/service/v1";
    public const string GpdBase = "/gpd/debt-positions-service/v1";

    public static readonly TenantId BariTenant = TenantId.Parse("bari");
    public static readonly TenantId LecceTenant = TenantId.Parse("lecce");

    private readonly ServiceProvider _provider;

    /// <param name="fdrCallGap">FdR's pacing; none by default, so only the tests about it need to move the clock.</param>
    public ScriptedPagoPa(TimeSpan? fdrCallGap = null)
    {
        var root = Server.Url!;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Adapters:PagoPa:GpdUrl"] = root + GpdBase,
                ["Adapters:PagoPa:GpdReceiptsUrl"] = root + "/gpd/payments-receipts-service/v1",
                ["Adapters:PagoPa:BizEventsUrl"] = root + BizEventsBase,
                ["Adapters:PagoPa:FdrUrl"] = root + FdrBase,
                ["Adapters:PagoPa:FdrCallGap"] = (fdrCallGap ?? TimeSpan.Zero).ToString("c", CultureInfo.InvariantCulture),
                ["Adapters:PagoPa:Resilience:MaxRetryAttempts"] = ReadRetries.ToString(CultureInfo.InvariantCulture),
                ["Adapters:PagoPa:Resilience:RetryDelay"] = "00:00:00",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ITenantDirectory>(new Tenants());
        services.AddSingleton<ISecretResolver>(new Secrets());
        services.AddSingleton<IUpstreamCallSlots>(new InMemoryCallSlots(Time));
        var plugin = new PagoPaAdapterPlugin();
        plugin.Register(new TestAdapterRegistration(services, configuration.GetSection("Adapters:PagoPa"), new Tenants().All));
        foreach (var client in new[] { PagoPaAdapterPlugin.FdrClientName, PagoPaAdapterPlugin.BizEventsClientName, PagoPaAdapterPlugin.GpdClientName })
        {
            // Added after the plugin's handlers, so it sits next to the wire and sees every attempt.
            services.AddHttpClient(client).AddHttpMessageHandler(() => new WireRecorder(Wire));
        }

        _provider = services.BuildServiceProvider();
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public TimerLog Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public WireLog Wire { get; } = new();

    public IServiceProvider Services => _provider;

    public IReportingFlowSource Flows => _provider.GetRequiredService<IReportingFlowSource>();

    public IReceiptSource Receipts => _provider.GetRequiredService<IReceiptSource>();

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Answers GETs of <paramref name="path"/> (and of these query values, when given) with JSON.</summary>
    public void Answer(string path, int status, string json, params (string Name, string Value)[] query)
    {
        var request = Request.Create().WithPath(path).UsingGet();
        foreach (var (name, value) in query)
        {
            request = request.WithParam(name, value);
        }

        Server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));
    }

    /// <summary>The query parameter names and values of each call received under <paramref name="pathPrefix"/>, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Queries(string pathPrefix) =>
        [.. Received(pathPrefix).Select(r => (IReadOnlyDictionary<string, string>)(r.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(q => q.Key, q => string.Join(",", q.Value), StringComparer.Ordinal))];

    /// <summary>The subscription key each call received under <paramref name="pathPrefix"/> carried.</summary>
    public IReadOnlyList<string> Keys(string pathPrefix) =>
        [.. Received(pathPrefix).Select(r => string.Join(",", r.Headers!["Ocp-Apim-Subscription-Key"]))];

    private IEnumerable<WireMock.IRequestMessage> Received(string pathPrefix) =>
        Server.LogEntries.Select(e => e.RequestMessage!).Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).OrderBy(r => r.DateTime);

    public void Dispose()
    {
        // Polly waits on the hub's clock for executions it still tracks when its pipelines are disposed: move the clock.
        var disposing = Task.Run(_provider.Dispose);
        for (var step = 0; step < 1000 && !disposing.IsCompleted; step++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            Thread.Sleep(1);
        }

        disposing.GetAwaiter().GetResult();
        Server.Stop();
        Server.Dispose();
    }

    private sealed class Tenants : ITenantDirectory
    {
        private readonly TenantSettings _bari = new()
        {
            Id = "bari",
            Name = "Comune di Bari",
            FiscalCode = Bari,
            PagoPa = new TenantPagoPaSettings
            {
                GpdSubscriptionKey = new SecretReference { Env = "GPD_KEY_BARI" },
                FdrSubscriptionKey = new SecretReference { Env = "FDR_KEY_BARI" },
                BizEventsSubscriptionKey = new SecretReference { File = "bizevents-bari.key" },
            },
        };

        private readonly TenantSettings _lecce = new()
        {
            Id = "lecce",
            Name = "Comune di Lecce",
            FiscalCode = Lecce,
            PagoPa = new TenantPagoPaSettings { GpdSubscriptionKey = new SecretReference { Env = "GPD_KEY_LECCE" } },
        };

        public IReadOnlyList<TenantSettings> All => [_bari, _lecce];

        public TenantSettings? Find(TenantId id) => id == BariTenant ? _bari : id == LecceTenant ? _lecce : null;
    }

    private sealed class Secrets : ISecretResolver
    {
        public string Resolve(SecretReference reference) => reference switch
        {
            { Env: "GPD_KEY_BARI" } => BariGpdKey,
            { Env: "FDR_KEY_BARI" } => BariFdrKey,
            { File: "bizevents-bari.key" } => BariBizEventsKey,
            { Env: "GPD_KEY_LECCE" } => LecceGpdKey,
            _ => throw new InvalidOperationException($"unknown secret {reference}"),
        };
    }
}
