using System.Globalization;
using System.Net;
using InteropHub.Adapters.Anpr.Calls;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Adapters.Anpr.E002;
using InteropHub.Adapters.Anpr.Health;
using InteropHub.Adapters.Anpr.IdAnpr;
using InteropHub.Adapters.Anpr.Ordering;
using InteropHub.Adapters.Anpr.Quota;
using InteropHub.Adapters.Anpr.Registry;
using InteropHub.Adapters.Resilience;
using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace InteropHub.Adapters.Anpr;

/// <summary>
/// The ANPR adapter: resident registry e-services reached through PDND. Registers <see cref="IResidentRegistry"/>,
/// one HTTP client per e-service (resilience first, then the PDND ModI handler, so each attempt is signed anew, and
/// last the gate that lets a tenant's requests out in idOperazioneClient order),
/// the idANPR cache and the quota guard. Needs from the host: <see cref="IModiHandlerFactory"/> (PDND adapter),
/// <see cref="IOperationIdSource"/> and <see cref="IQuotaLedger"/> (Core), and the tenant directory.
/// </summary>
public sealed class AnprAdapterPlugin : IAdapterPlugin
{
    /// <summary>What every ANPR e-service requires (docs/platforms/anpr.md §3): the voucher, the signed digest, the correlated tracking evidence.</summary>
    internal const ModiPatterns Patterns = ModiPatterns.IdAuthRest01 | ModiPatterns.IntegrityRest02 | ModiPatterns.AuditRest02;

    public string Name => "Anpr";

    public void Register(AdapterRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        registration.AddOptions<AnprOptions>();
        var services = registration.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IdAnprCache>();
        services.AddSingleton<AnprQuotaGuard>();
        services.AddSingleton<OperationSequencer>();
        services.AddSingleton<AnprServiceCaller>();
        services.AddSingleton<IdAnprResolver>();
        services.AddSingleton<IResidentRegistry, AnprResidentRegistry>();
        services.AddSingleton<IPdndEServiceSource, AnprEServiceSource>();

        foreach (var code in AnprServiceCatalog.Codes)
        {
            var client = services.AddHttpClient(AnprServiceCatalog.EServiceKey(code))
                .ConfigureHttpClient((sp, http) =>
                {
                    if (Options(sp).EServices.GetValueOrDefault(code)?.BaseUrl is { } baseUrl)
                    {
                        // Refit appends "/anpr-service-e002" to the base path.
                        http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/'));
                    }
                });
            client.AddUpstreamResilience(sp => Options(sp).Resilience, new UpstreamCallRules
            {
                Retry = (_, outcome) => IsTransient(outcome) || GovWayProblem.IsTooManyRequests(outcome.Result?.Headers),
                Failure = IsTransient,
            });
            client.AddHttpMessageHandler(sp => ModiHandler(sp, code));
            client.AddHttpMessageHandler(() => new OperationOrderHandler());

            // The readiness probe signs like a real call, without retries: its answer is the point.
            services.AddHttpClient(AnprHealthCheck.ClientName(code)).AddHttpMessageHandler(sp => ModiHandler(sp, code));
        }

        services.AddSingleton<AnprHealthCheck>();
        registration.AddHealthCheck(sp => sp.GetRequiredService<AnprHealthCheck>());
    }

    public IReadOnlyDictionary<string, string?> SandboxSettings(Uri sandboxBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(sandboxBaseUrl);
        var root = sandboxBaseUrl.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in AnprServiceCatalog.Codes)
        {
            var segment = AnprServiceCatalog.Segment(code);
            settings[$"EServices:{code}:BaseUrl"] = $"{root}/{segment}/v1";
            // The collaudo audience shape (docs/platforms/anpr.md §1.1): the sandbox checks it the way GovWay does.
            settings[$"EServices:{code}:Audience"] = $"https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/{segment}/v1";
            settings[$"EServices:{code}:DailyQuota"] = 1000.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    private static AnprOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<AnprOptions>>().Value;

    // The caller refuses a disabled service before creating its client, so this never builds one without an audience.
    private static DelegatingHandler ModiHandler(IServiceProvider services, string code)
    {
        var service = Options(services).Enabled(code)
            ?? throw new InvalidOperationException($"ANPR e-service {code} is not enabled (Adapters:Anpr:EServices:{code}).");
        return services.GetRequiredService<IModiHandlerFactory>()
            .Create(new ModiEServiceProfile(AnprServiceCatalog.EServiceKey(code), service.Audience!, Patterns));
    }

    // Safe for POST: a retry resends the same idOperazioneClient, which ANPR answers from its store.
    // ANPR's 429 LimitExceeded is a daily quota: retrying it (or counting it as a failure) only burns more of it; GovWay's
    // TooManyRequests (its limit of simultaneous requests, Retry-After honoured) is retried above.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) && outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests;
}
