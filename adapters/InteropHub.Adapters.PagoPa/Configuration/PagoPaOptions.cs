using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Adapters;

namespace InteropHub.Adapters.PagoPa.Configuration;

/// <summary><c>Adapters:PagoPa</c>: the pagoPA platform APIs the hub calls (docs/platforms/pagopa.md §1.1).</summary>
public sealed class PagoPaOptions : IValidatableOptions
{
    /// <summary>GPD debt positions, e.g. <c>https://api.uat.platform.pagopa.it/gpd/debt-positions-service/v1</c>.</summary>
    [Required]
    public Uri? GpdUrl { get; init; }

    /// <summary>GPD receipts ("recupero ricevute"), e.g. <c>https://api.uat.platform.pagopa.it/gpd/payments-receipts-service/v1</c>.</summary>
    [Required]
    public Uri? GpdReceiptsUrl { get; init; }

    /// <summary>Biz-Events receipts, e.g. <c>https://api.uat.platform.pagopa.it/bizevents/service/v1</c>.</summary>
    [Required]
    public Uri? BizEventsUrl { get; init; }

    /// <summary>FdR for organizations, e.g. <c>https://api.uat.platform.pagopa.it/fdr-org/service/v1</c>.</summary>
    [Required]
    public Uri? FdrUrl { get; init; }

    /// <summary>How long the readiness probe waits for each API. Defaults to 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan HealthProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Timeouts, retries and circuit breaker of every pagoPA call, one breaker per (API, subscription key). Reads are
    /// retried; writes only after a 429 (a write whose answer is lost is looked up first). Defaults: 3 retries from 200 ms.
    /// </summary>
    public UpstreamResilienceOptions Resilience { get; init; } = new() { MaxRetryAttempts = 3, RetryDelay = TimeSpan.FromMilliseconds(200) };

    /// <summary>
    /// The least time between the end of an FdR call and the start of the next with the same key: FdR allows one call a
    /// second (TPS 1.0) counted on arrival, so 1 s plus a margin. Defaults to 1.1 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FdrCallGap { get; init; } = TimeSpan.FromSeconds(1.1);

    /// <summary>
    /// GPD's calls per subscription key in any <see cref="GpdWindow"/>, counted on arrival (APIM's rate-limit-by-key on
    /// GPD, docs/platforms/pagopa.md §1.1: 100 per 10 s); every hub instance keeps it together. Defaults to 100.
    /// </summary>
    [Range(1, 100_000)]
    public int GpdCallsPerWindow { get; init; } = 100;

    /// <summary>The sliding window of <see cref="GpdCallsPerWindow"/>. Defaults to 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan GpdWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many GPD calls of a key may start at once before the rest are paced evenly, one every
    /// <see cref="GpdWindow"/> / <see cref="GpdCallsPerWindow"/> (100 ms by default): a caller behind a burst waits its
    /// turn, not for the window's end. At most <see cref="GpdCallsPerWindow"/>. Defaults to 10.
    /// </summary>
    [Range(1, 100_000)]
    public int GpdBurst { get; init; } = 10;

    internal IEnumerable<Uri> Endpoints() => new[] { GpdUrl, GpdReceiptsUrl, BizEventsUrl, FdrUrl }.OfType<Uri>();

    public IEnumerable<string> Validate()
    {
        foreach (var (name, url) in new[] { ("GpdUrl", GpdUrl), ("GpdReceiptsUrl", GpdReceiptsUrl), ("BizEventsUrl", BizEventsUrl), ("FdrUrl", FdrUrl) })
        {
            if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
            {
                yield return $"{name} must be an absolute http(s) URL.";
            }
        }

        if (GpdBurst > GpdCallsPerWindow)
        {
            yield return $"GpdBurst ({GpdBurst}) must not exceed GpdCallsPerWindow ({GpdCallsPerWindow}).";
        }

        foreach (var problem in Resilience.Validate(nameof(Resilience)))
        {
            yield return problem;
        }
    }
}
