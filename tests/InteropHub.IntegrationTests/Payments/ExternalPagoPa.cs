using System.Globalization;
using InteropHub.Sandbox;
using InteropHub.Sandbox.PagoPa;

namespace InteropHub.IntegrationTests.Payments;

/// <summary>
/// A pagoPA sandbox that outlives the hubs pointed at it — the test's own, not a sandbox-mode hub's — so a restarted
/// (or killed) hub meets the positions its predecessor created. One configured tenant, <c>alpha</c>, with payments keys.
/// </summary>
internal sealed class ExternalPagoPa : IDisposable
{
    public const string Key = "alpha-payments-key";
    public const string FiscalCode = "80015010723";
    public const string Iban = "IT60X0542811101000000123456";

    private readonly SandboxHost _host;
    private readonly PagoPaSandboxSettings _limits;

    /// <param name="settings">The sandbox's gateway limits; pagoPA's own by default.</param>
    public ExternalPagoPa(PagoPaSandboxSettings? settings = null)
    {
        _limits = settings ?? new PagoPaSandboxSettings();
        _host = SandboxHost.Start(new SandboxSettings { PagoPa = _limits });
    }

    /// <summary>
    /// pagoPA's limits kept, at ten to twenty times its pace: GPD 1,000 calls per 10 s, FdR a call per 50 ms. For tests
    /// whose subject is not the pace (SharedLimitsTests and the adapter's pacing tests keep pagoPA's own), so they spend
    /// their time on what they prove, not waiting for the platform's window.
    /// </summary>
    public static PagoPaSandboxSettings Brisk { get; } = new() { RateLimitRequests = 1_000, FdrMinimumInterval = TimeSpan.FromMilliseconds(50) };

    public PagoPaSandbox Sandbox => _host.PagoPa;

    /// <summary>Hub settings for <paramref name="directory"/>: the tenant, its GPD key in a file there, the pagoPA adapter on this sandbox.</summary>
    public Dictionary<string, string?> Settings(string directory)
    {
        Directory.CreateDirectory(directory);
        var keyFile = Path.Combine(directory, "alpha.gpd-key");
        File.WriteAllText(keyFile, "sandbox-gpd-key-alpha");
        var auditKeyFile = Path.Combine(directory, "audit.key");
        File.WriteAllText(auditKeyFile, "external-pagopa-tests-audit-key-0123456789");
        var root = _host.PagoPaUrl.ToString().TrimEnd('/');
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Hub:Audit:Key:File"] = auditKeyFile,
            ["Hub:RateLimit:Burst"] = "100000",
            ["Hub:RateLimit:PermitsPerPeriod"] = "100000",
            ["Hub:Tenants:0:Id"] = "alpha",
            ["Hub:Tenants:0:Name"] = "Comune di Alpha",
            ["Hub:Tenants:0:FiscalCode"] = FiscalCode,
            ["Hub:Tenants:0:Scopes:0"] = "payments:read",
            ["Hub:Tenants:0:Scopes:1"] = "payments:write",
            ["Hub:Tenants:0:Scopes:2"] = "admin",
            ["Hub:Tenants:0:ApiKeys:0:Sha256"] = Infrastructure.HubFactory.Sha256(Key),
            ["Hub:Tenants:0:ApiKeys:0:Scopes:0"] = "payments:read",
            ["Hub:Tenants:0:ApiKeys:0:Scopes:1"] = "payments:write",
            ["Hub:Tenants:0:ApiKeys:0:Scopes:2"] = "admin",
            ["Hub:Tenants:0:PagoPa:SegregationCode"] = "01",
            ["Hub:Tenants:0:PagoPa:Ibans:0"] = Iban,
            ["Hub:Tenants:0:PagoPa:GpdSubscriptionKey:File"] = keyFile,
            ["Adapters:PagoPa:Enabled"] = "true",
            ["Adapters:PagoPa:GpdUrl"] = $"{root}/gpd/debt-positions-service/v1",
            ["Adapters:PagoPa:GpdReceiptsUrl"] = $"{root}/gpd/payments-receipts-service/v1",
            ["Adapters:PagoPa:BizEventsUrl"] = $"{root}/bizevents/service/v1",
            ["Adapters:PagoPa:FdrUrl"] = $"{root}/fdr-org/service/v1",

            // The hub keeps the sandbox's limits, as it keeps pagoPA's by default (a tenth more gap between FdR calls).
            ["Adapters:PagoPa:GpdCallsPerWindow"] = _limits.RateLimitRequests.ToString(CultureInfo.InvariantCulture),
            ["Adapters:PagoPa:GpdWindow"] = _limits.RateLimitWindow.ToString("c", CultureInfo.InvariantCulture),
            ["Adapters:PagoPa:FdrCallGap"] = (_limits.FdrMinimumInterval * 1.1).ToString("c", CultureInfo.InvariantCulture),
        };
    }

    public void Dispose() => _host.Dispose();
}
