using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Adapters;

namespace InteropHub.Adapters.Anpr.Configuration;

/// <summary><c>Adapters:Anpr</c>: the ANPR e-services the hub calls through PDND.</summary>
public sealed class AnprOptions : IValidatableOptions
{
    /// <summary>One entry per e-service, keyed by service code (<c>C030</c>, <c>C020</c>, …).</summary>
    public Dictionary<string, AnprEServiceOptions> EServices { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the readiness probe waits for each e-service. Defaults to 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan HealthProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        foreach (var (code, service) in EServices)
        {
            if (!AnprServiceCatalog.IsKnown(code))
            {
                yield return $"EServices:{code} is not an ANPR service code the hub knows ({string.Join(", ", AnprServiceCatalog.Codes)}).";
            }

            if (service.Enabled && service.BaseUrl is null)
            {
                yield return $"EServices:{code}:BaseUrl is required for an enabled e-service.";
            }

            if (service.Enabled && string.IsNullOrWhiteSpace(service.Audience))
            {
                yield return $"EServices:{code}:Audience is required for an enabled e-service (the ModI audience, not the base URL).";
            }
        }
    }
}

/// <summary>One ANPR e-service: where it is, its ModI audience and its daily quota.</summary>
public sealed class AnprEServiceOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>The e-service's server URL, e.g. <c>https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND/C030-servizioAccertamentoIdUnicoNazionale/v1</c>.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The ModI audience (no <c>-PDND</c>, no operation): its own value, never derived from the base URL.</summary>
    public string? Audience { get; init; }

    /// <summary>Calls per tenant per day agreed on PDND for this e-service.</summary>
    [Range(1, 10_000_000)]
    public int DailyQuota { get; init; } = 1000;
}
