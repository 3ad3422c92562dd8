using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Adapters;

namespace InteropHub.Adapters.PagoPa.Configuration;

/// <summary><c>Adapters:PagoPa</c>: the pagoPA platform APIs the hub calls (pagopa.md §1.1).</summary>
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
    /// Retries of a GPD read (GET) that met a 5xx or no answer; writes are never retried blindly (a lost write is looked
    /// up first). Defaults to 3.
    /// </summary>
    [Range(0, 10)]
    public int ReadRetries { get; init; } = 3;

    /// <summary>Base delay of the exponential, jittered back-off between read retries. Defaults to 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ReadRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Calls per second the hub makes to FdR with one subscription key (FdR declares TPS 1.0). Defaults to 1.</summary>
    [Range(0.01, 100.0)]
    public double FdrCallsPerSecond { get; init; } = 1;

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
    }
}
