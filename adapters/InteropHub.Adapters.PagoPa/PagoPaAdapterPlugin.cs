using InteropHub.Adapters.PagoPa.Configuration;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.PagoPa;

/// <summary>The pagoPA adapter: debt positions on GPD, receipts and reporting flows.</summary>
public sealed class PagoPaAdapterPlugin : IAdapterPlugin
{
    internal const string HealthClientName = "pagopa-health";

    public string Name => "PagoPa";

    public void Register(AdapterRegistration registration)
    {
        registration.AddOptions<PagoPaOptions>();
        registration.Services.AddHttpClient(HealthClientName);
        registration.AddHealthCheck(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PagoPaOptions>>().Value;
            return new ReachabilityHealthCheck(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HealthClientName),
                options.Endpoints().ToList(),
                options.HealthProbeTimeout);
        });
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
