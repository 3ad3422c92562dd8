using System.Globalization;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Anpr;

/// <summary>The ANPR adapter: resident registry e-services reached through PDND.</summary>
public sealed class AnprAdapterPlugin : IAdapterPlugin
{
    internal const string HealthClientName = "anpr-health";

    public string Name => "Anpr";

    public void Register(AdapterRegistration registration)
    {
        registration.AddOptions<AnprOptions>();
        registration.Services.AddHttpClient(HealthClientName);
        registration.AddHealthCheck(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnprOptions>>().Value;
            var targets = options.EServices.Values
                .Where(s => s.Enabled && s.BaseUrl is not null)
                .Select(s => new Uri(s.BaseUrl!.ToString().TrimEnd('/') + "/status"))
                .ToList();
            return new ReachabilityHealthCheck(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HealthClientName), targets, options.HealthProbeTimeout);
        });
    }

    public IReadOnlyDictionary<string, string?> SandboxSettings(Uri sandboxBaseUrl)
    {
        var root = sandboxBaseUrl.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in AnprServiceCatalog.Codes)
        {
            var segment = AnprServiceCatalog.Segment(code);
            settings[$"EServices:{code}:BaseUrl"] = $"{root}/{segment}/v1";
            // The collaudo audience shape (anpr.md §1.1): the sandbox checks it the way GovWay does.
            settings[$"EServices:{code}:Audience"] = $"https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/{segment}/v1";
            settings[$"EServices:{code}:DailyQuota"] = 1000.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
