using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Anpr.Configuration;

/// <summary><c>Adapters:Anpr</c>: the ANPR e-services the hub calls through PDND.</summary>
public sealed class AnprOptions : IValidatableOptions
{
    /// <summary>One entry per e-service, keyed by service code (<c>C030</c>, <c>C020</c>, …).</summary>
    public Dictionary<string, AnprEServiceOptions> EServices { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the readiness probe waits for each e-service. Defaults to 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan HealthProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a readiness probe's result is reused: each probe is a signed call per enabled e-service, and ANPR may
    /// count it against the daily quota. Defaults to 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan HealthProbeInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The e-service that answers the resident profile: <c>C020</c> (accertamento residenza: generalità, residence,
    /// death; the default), <c>C001</c> (notifica: generalità, residence, alive) or <c>C015</c> (accertamento
    /// generalità: no residence). Pick the one the comuni have a PDND purpose for.
    /// </summary>
    public string ProfileService { get; init; } = "C020";

    /// <summary>
    /// The tracking evidence's <c>userLocation</c> (AUDIT_REST_02): where the operators' requests come from, e.g. the
    /// hub's installation name. Default <c>interophub</c>.
    /// </summary>
    [Required]
    public string UserLocation { get; init; } = "interophub";

    /// <summary>
    /// The tracking evidence's <c>LoA</c>: the level of assurance of the operators' authentication in the comuni's
    /// software (<c>LoA2</c>…<c>LoA4</c>). Default <c>LoA3</c>.
    /// </summary>
    [Required]
    public string LevelOfAssurance { get; init; } = "LoA3";

    /// <summary>The per-tenant cache of fiscal code → idANPR that spares a C030 call before each service call.</summary>
    [ValidateObjectMembers]
    public IdAnprCacheOptions IdAnprCache { get; init; } = new();

    /// <summary>Timeouts, retries and circuit breaker of every e-service client.</summary>
    [ValidateObjectMembers]
    public UpstreamResilienceOptions Resilience { get; init; } = new();

    /// <summary>The options of an enabled e-service, or null when it is absent or disabled.</summary>
    internal AnprEServiceOptions? Enabled(string code) =>
        EServices.TryGetValue(code, out var service) && service.Enabled ? service : null;

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

        if (!AnprServiceCatalog.ProfileServices.Contains(ProfileService, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{nameof(ProfileService)}: must be one of {string.Join(", ", AnprServiceCatalog.ProfileServices)}.";
        }

        foreach (var problem in Resilience.Validate(nameof(Resilience)))
        {
            yield return problem;
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

    /// <summary>Calls per tenant per day (Europe/Rome) agreed on PDND for this e-service; the hub refuses the next one.</summary>
    [Range(1, 10_000_000)]
    public int DailyQuota { get; init; } = 1000;
}
