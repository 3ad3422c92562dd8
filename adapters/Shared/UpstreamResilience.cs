using System.Threading.RateLimiting;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;

namespace InteropHub.Adapters.Resilience;

/// <summary>
/// The one resilience pipeline of every adapter's upstream clients, tuned by the adapter's
/// <see cref="UpstreamResilienceOptions"/> (<c>Adapters:&lt;Name&gt;:Resilience</c>) and its <see cref="UpstreamCallRules"/>.
/// Outermost first: total timeout, retry (exponential, jittered, <c>Retry-After</c> honoured), circuit breaker, the
/// platform's rate limit (each attempt waits for it), attempt timeout.
/// </summary>
internal static class UpstreamResilience
{
    public const string PipelineName = "upstream";
    public const string TotalTimeout = "TotalTimeout";
    public const string Retry = "Retry";
    public const string CircuitBreaker = "CircuitBreaker";
    public const string RateLimiter = "RateLimiter";
    public const string AttemptTimeout = "AttemptTimeout";

    /// <summary>Adds the pipeline to <paramref name="client"/>; the handlers added after it run once per attempt.</summary>
    public static IHttpResiliencePipelineBuilder AddUpstreamResilience(
        this IHttpClientBuilder client, Func<IServiceProvider, UpstreamResilienceOptions> settings, UpstreamCallRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        var callRules = rules ?? UpstreamCallRules.Transient;

        // The pipeline's total timeout bounds a call, not HttpClient's default of 100 s.
        client.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        return client.AddResilienceHandler(PipelineName, (pipeline, context) => pipeline.AddUpstreamStrategies(
            settings(context.ServiceProvider),
            callRules,
            callRules.RateLimit?.Invoke(context.ServiceProvider, context.InstanceName)));
    }

    /// <summary>The strategies of the pipeline, in order; <paramref name="rateLimit"/> is the instance's limiter, if any.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddUpstreamStrategies(
        this ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        UpstreamResilienceOptions options,
        UpstreamCallRules rules,
        Func<RateLimiterArguments, ValueTask<RateLimitLease>>? rateLimit)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = TotalTimeout, Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = Retry,
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(rules.Retry(args.Context.GetRequestMessage(), args.Outcome)),
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = CircuitBreaker,
            FailureRatio = options.FailureRatio,
            MinimumThroughput = options.MinimumThroughput,
            SamplingDuration = options.SamplingDuration,
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(rules.Failure(args.Outcome)),
        });
        if (rateLimit is not null)
        {
            pipeline.AddRateLimiter(new HttpRateLimiterStrategyOptions { Name = RateLimiter, RateLimiter = rateLimit });
        }

        return pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = AttemptTimeout, Timeout = options.AttemptTimeout });
    }
}

/// <summary>What an adapter decides about its platform's calls: which may be sent again, which count as failures, how they are paced.</summary>
internal sealed record UpstreamCallRules
{
    /// <summary>Transient failures retried and counted, whatever the method, no rate limit.</summary>
    public static UpstreamCallRules Transient { get; } = new();

    /// <summary>Whether the outcome of an attempt of the request may be retried.</summary>
    public Func<HttpRequestMessage?, Outcome<HttpResponseMessage>, bool> Retry { get; init; } =
        (_, outcome) => HttpClientResiliencePredicates.IsTransient(outcome);

    /// <summary>Whether the outcome counts as a failure for the circuit breaker.</summary>
    public Func<Outcome<HttpResponseMessage>, bool> Failure { get; init; } = HttpClientResiliencePredicates.IsTransient;

    /// <summary>The limiter of a pipeline instance (its name is the instance's key), or null for none.</summary>
    public Func<IServiceProvider, string, Func<RateLimiterArguments, ValueTask<RateLimitLease>>?>? RateLimit { get; init; }
}
