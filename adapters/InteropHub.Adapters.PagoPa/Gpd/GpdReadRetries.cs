using InteropHub.Adapters.PagoPa.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>
/// Retries GPD reads that met a 5xx or no answer, with a jittered exponential back-off: a read changes nothing, and the
/// exactly-once recipes (look a lost write up before resending) stand on reads. Writes pass through untouched; 429s
/// are the rate limiter's (<see cref="GpdLimitHandler"/>, inside this one, paces every attempt).
/// </summary>
internal static class GpdReadRetries
{
    public static IHttpClientBuilder AddReadRetries(this IHttpClientBuilder client)
    {
        client.AddResilienceHandler("gpd-reads", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<PagoPaOptions>>().Value;
            if (options.ReadRetries == 0)
            {
                return;
            }

            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ReadRetries,
                Delay = options.ReadRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Context.GetRequestMessage()?.Method == HttpMethod.Get
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests),
            });
        });
        return client;
    }
}
