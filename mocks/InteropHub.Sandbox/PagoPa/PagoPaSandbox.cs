using InteropHub.Sandbox.PagoPa.Control;
using InteropHub.Sandbox.PagoPa.Fdr;
using InteropHub.Sandbox.PagoPa.Gateway;
using InteropHub.Sandbox.PagoPa.Gpd;
using InteropHub.Sandbox.PagoPa.Receipts;
using WireMock.Server;

namespace InteropHub.Sandbox.PagoPa;

/// <summary>
/// pagoPA for an organization on one WireMock server, stateful and behind APIM's subscription key and rate limit: GPD
/// (v1 debt positions, v2 bulk create), GPD receipts, Biz-Events receipts and FdR reporting flows, with the control
/// operations of <c>/__sandbox/pagopa</c> as methods for in-process use.
/// </summary>
public sealed class PagoPaSandbox
{
    private readonly GpdStore _store;
    private readonly FdrStore _flows = new();
    private readonly TimeProvider _time;
    private readonly SubscriptionGate _gate;
    private readonly ArrivalSpacing _fdrSpacing;
    private readonly FaultInjector _faults;
    private readonly Uri _baseUrl;

    private PagoPaSandbox(Uri baseUrl, PagoPaSandboxSettings settings, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.RateLimitRequests);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.RateLimitWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.MaxBulkPositions);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.FdrMinimumInterval, TimeSpan.Zero);
        _baseUrl = baseUrl;
        Settings = settings;
        _time = time;
        _store = new GpdStore(time);
        _gate = new SubscriptionGate(settings, time);
        _fdrSpacing = new ArrivalSpacing(settings, time);
        _faults = new FaultInjector(time);
    }

    public PagoPaSandboxSettings Settings { get; }

    /// <summary>GPD v1's base URL, what the hub's <c>Adapters:PagoPa:GpdUrl</c> points at.</summary>
    public Uri GpdUrl => new($"{_baseUrl.ToString().TrimEnd('/')}{GpdEndpoints.V1}");

    /// <summary>GPD v2's base URL (bulk operations).</summary>
    public Uri GpdV2Url => new($"{_baseUrl.ToString().TrimEnd('/')}{GpdEndpoints.V2}");

    /// <summary>GPD-payments' receipts API, what <c>Adapters:PagoPa:GpdReceiptsUrl</c> points at.</summary>
    public Uri GpdReceiptsUrl => new($"{_baseUrl.ToString().TrimEnd('/')}{GpdReceiptsEndpoints.Root}");

    /// <summary>Biz-Events' receipts API, what <c>Adapters:PagoPa:BizEventsUrl</c> points at.</summary>
    public Uri BizEventsUrl => new($"{_baseUrl.ToString().TrimEnd('/')}{BizEventsEndpoints.Root}");

    /// <summary>FdR's organization API, what <c>Adapters:PagoPa:FdrUrl</c> points at.</summary>
    public Uri FdrUrl => new($"{_baseUrl.ToString().TrimEnd('/')}{FdrEndpoints.Root}");

    /// <summary>Latency, 500 ratio and lost responses after applied writes; <see cref="PagoPaFaults.None"/> by default.</summary>
    public PagoPaFaults Faults
    {
        get => _faults.Faults;
        set => _faults.Faults = value;
    }

    /// <summary>
    /// A citizen pays a notice: the option becomes PO_PAID with a receipt and the position PAID, or PARTIALLY_PAID
    /// while installments remain. Throws <see cref="GpdProblem"/> as GPD refuses (404 unknown notice, 409 already
    /// paid, 422 not payable: not VALID/PARTIALLY_PAID).
    /// </summary>
    public PagoPaReceipt Pay(PagoPaPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if ((payment.NoticeNumber is null) == (payment.Iuv is null))
        {
            throw new ArgumentException("Name the notice by noticeNumber or by iuv, not both.", nameof(payment));
        }

        return _store.Pay(payment);
    }

    /// <summary>
    /// PSPs publish their reporting flows for the organization's notices paid on <paramref name="date"/> (today in Rome on the
    /// sandbox clock when null): one flow per PSP, <c>&lt;date&gt;&lt;pspId&gt;-&lt;n&gt;</c>, one EXECUTED line per
    /// transfer credited to the organization; <paramref name="anomalies"/> go into the first flow. Returns every
    /// revision published, none when nothing was paid that day.
    /// </summary>
    public IReadOnlyList<PagoPaFlow> PublishFlows(string organizationFiscalCode, DateOnly? date = null, IEnumerable<FlowAnomaly>? anomalies = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationFiscalCode);
        var now = _time.GetUtcNow();
        var day = date ?? RomeTime.Day(now);
        var paid = _store.PaidNotices(organizationFiscalCode).Where(n => RomeTime.DayOfUtc(n.Receipt.PaymentDateTime) == day).ToList();
        return _flows.Publish(organizationFiscalCode, day, paid, new HashSet<FlowAnomaly>(anomalies ?? []), now);
    }

    /// <summary>The organization's positions now (lazy transitions applied), in insertion order.</summary>
    public IReadOnlyList<GpdPositionSnapshot> Positions(string organizationFiscalCode) => _store.Snapshots(organizationFiscalCode);

    /// <summary>Calls made with this subscription key, refused ones (429, faults) included.</summary>
    public int RequestCount(string subscriptionKey) => _gate.Calls(subscriptionKey);

    /// <summary>
    /// Of this subscription key: the calls to GPD's APIs refused 429 for the rate limit, and the most of them
    /// (refused ones included) that arrived within one <see cref="PagoPaSandboxSettings.RateLimitWindow"/>.
    /// </summary>
    public (int Throttled, int Busiest) RateLimitWindow(string subscriptionKey) => _gate.Window(subscriptionKey);

    /// <summary>Forgets call counts, rate-limit windows and FdR's last arrivals.</summary>
    public void ResetRequestCounts()
    {
        _gate.Reset();
        _fdrSpacing.Reset();
    }

    internal IReadOnlyDictionary<string, int> RequestCounts() => _gate.Snapshot();

    internal static PagoPaSandbox Attach(WireMockServer server, PagoPaSandboxSettings settings, TimeProvider time)
    {
        var sandbox = new PagoPaSandbox(PlatformServer.BaseUri(server), settings, time);
        // GPD's limit is GPD's APIs' policy (docs/platforms/pagopa.md §1.1): FdR keeps its own spacing, Biz-Events declares none.
        var gpd = new ApimGateway(sandbox._gate, sandbox._faults, limited: true);
        var other = new ApimGateway(sandbox._gate, sandbox._faults, limited: false);
        new GpdEndpoints(sandbox._store, gpd, settings).Map(server);
        new GpdReceiptsEndpoints(sandbox._store, gpd, time).Map(server);
        new BizEventsEndpoints(sandbox._store, other).Map(server);
        new FdrEndpoints(sandbox._flows, other, sandbox._fdrSpacing, time).Map(server);
        PagoPaControlEndpoints.Map(server, sandbox);
        return sandbox;
    }
}
