using InteropHub.Adapters.PagoPa.Configuration;
using InteropHub.Adapters.PagoPa.Fdr;
using InteropHub.Adapters.PagoPa.Gpd;
using InteropHub.Adapters.PagoPa.Notices;
using InteropHub.Adapters.PagoPa.Receipts;
using InteropHub.Adapters.PagoPa.Resilience;
using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace InteropHub.Adapters.PagoPa;

/// <summary>
/// The pagoPA adapter: debt positions on GPD, receipts and reporting flows. Needs the host's
/// <see cref="IUpstreamCallSlots"/> (Core), which keeps GPD's and FdR's per-key limits for every hub instance together.
/// </summary>
public sealed class PagoPaAdapterPlugin : IAdapterPlugin
{
    internal const string HealthClientName = "pagopa-health";
    internal const string GpdClientName = "pagopa-gpd";
    internal const string GpdBulkClientName = "pagopa-gpd-v2";
    internal const string FdrClientName = "pagopa-fdr";
    internal const string BizEventsClientName = "pagopa-bizevents";

    public string Name => "PagoPa";

    public void Register(AdapterRegistration registration)
    {
        registration.AddOptions<PagoPaOptions>();
        var services = registration.Services;
        services.TryAddSingleton(TimeProvider.System);

        // One limit per subscription key for every instance, shared by v1 and v2: every caller of a key shares GPD's rate.
        services.AddSingleton<PagoPaRateLimits>();
        services.AddHttpClient(GpdClientName)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = GpdBase(sp, "v1"))
            .AddPagoPaResilience(limits => limits.Gpd);
        services.AddHttpClient(GpdBulkClientName)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = GpdBase(sp, "v2"))
            .AddPagoPaResilience(limits => limits.Gpd);

        // Refit's generated clients over named clients (Refit 16 builds no reflection clients without Refit.Reflection).
        services.AddTransient(sp => RestService.For<IGpdApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient(GpdClientName), GpdJson.RefitSettings));
        services.AddTransient(sp => RestService.For<IGpdBulkApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient(GpdBulkClientName), GpdJson.RefitSettings));
        services.AddTransient<GpdPositions>();
        services.AddTransient<GpdBulkCreation>();
        services.AddTransient<IPaymentGateway, GpdPaymentGateway>();
        services.AddSingleton<IPaymentNoticeRenderer, PaymentNoticeRenderer>();

        // Reconciliation reads only; FdR's calls paced per key by one limit for every instance.
        services.AddHttpClient(FdrClientName)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<PagoPaOptions>>().Value.FdrUrl)
            .AddPagoPaResilience(limits => limits.Fdr);
        services.AddHttpClient(BizEventsClientName)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<PagoPaOptions>>().Value.BizEventsUrl)
            .AddPagoPaResilience();
        services.AddTransient(sp => RestService.For<IFdrApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient(FdrClientName), FdrJson.RefitSettings));
        services.AddTransient(sp => RestService.For<IBizEventsApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient(BizEventsClientName), BizEventsJson.RefitSettings));
        services.AddTransient<IReportingFlowSource, FdrReportingFlows>();
        services.AddTransient<IReceiptSource, PagoPaReceiptSource>();

        services.AddHttpClient(HealthClientName);
        registration.AddHealthCheck(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PagoPaOptions>>().Value;
            return new ReachabilityHealthCheck(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HealthClientName),
                options.Endpoints().ToList(),
                options.HealthProbeTimeout);
        });
    }

    /// <summary>GPD's base for an API version: <c>GpdUrl</c> names v1; v2 sits beside it (…/debt-positions-service/v2).</summary>
    internal static Uri GpdBase(IServiceProvider services, string version)
    {
        var v1 = services.GetRequiredService<IOptions<PagoPaOptions>>().Value.GpdUrl!.AbsoluteUri.TrimEnd('/');
        return new Uri(version == "v1" || !v1.EndsWith("/v1", StringComparison.Ordinal) ? v1 : v1[..^2] + version);
    }

    public IReadOnlyDictionary<string, string?> SandboxSettings(Uri sandboxBaseUrl)
    {
        var root = sandboxBaseUrl.ToString().TrimEnd('/');
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["GpdUrl"] = $"{root}/gpd/debt-positions-service/v1",
            ["GpdReceiptsUrl"] = $"{root}/gpd/payments-receipts-service/v1",
            ["BizEventsUrl"] = $"{root}/bizevents/service/v1",
            ["FdrUrl"] = $"{root}/fdr-org/service/v1",
        };
    }
}
