using System.Net;
using InteropHub.Adapters.PagoPa.Configuration;
using InteropHub.Adapters.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace InteropHub.Adapters.PagoPa.Resilience;

/// <summary>
/// pagoPA's clients on the adapters' one pipeline (<c>Adapters:PagoPa:Resilience</c>), one instance — so one circuit
/// breaker — per (client, subscription key): a comune whose key fails never opens another's circuit. Reads are retried;
/// a write only after a 429 (APIM refused it before the API saw it), since a write whose answer was lost is looked up
/// before it is ever sent again (<see cref="Gpd.GpdPositions"/>).
/// </summary>
internal static class PagoPaResilience
{
    /// <summary>The pipeline's rules; <paramref name="limit"/> picks the platform's per-key limit, if it has one.</summary>
    public static UpstreamCallRules Rules(Func<PagoPaRateLimits, CallPacing>? limit) => new()
    {
        Retry = Retryable,
        Failure = Failure,
        RateLimit = limit is null ? null : (services, keyId) =>
        {
            var pacing = limit(services.GetRequiredService<PagoPaRateLimits>());
            return args => pacing.AcquireAsync(keyId, args.Context.CancellationToken);
        },
    };

    public static IHttpClientBuilder AddPagoPaResilience(this IHttpClientBuilder client, Func<PagoPaRateLimits, CallPacing>? limit = null)
    {
        client.AddUpstreamResilience(sp => sp.GetRequiredService<IOptions<PagoPaOptions>>().Value.Resilience, Rules(limit))
            .SelectPipelineBy(_ => SubscriptionKey.IdOf);
        return client;
    }

    public static bool Retryable(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
        || (request?.Method == HttpMethod.Get && HttpClientResiliencePredicates.IsTransient(outcome));

    // A 429 is the key's pace, not the platform failing.
    public static bool Failure(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) && outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests;
}
