using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Adapters;

namespace InteropHub.Host.Configuration;

/// <summary><c>Hub</c>: the hub's own settings (everything platform-specific lives under <c>Adapters</c>).</summary>
internal sealed class HubOptions : IValidatableOptions
{
    public const string Section = "Hub";

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413 payload-too-large. Defaults to 1 MiB.</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; init; } = 1 << 20;

    /// <summary>Largest body of a bulk upload (<c>POST /v1/payments/batches</c>), read as a stream. Defaults to 256 MiB.</summary>
    [Range(1024, 1L << 34)]
    public long MaxBulkRequestBodyBytes { get; init; } = 256L << 20;

    /// <summary>How long a stopping hub waits for running jobs and requests. Defaults to 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    [Required]
    public RateLimitOptions RateLimit { get; init; } = new();

    /// <summary>
    /// <c>Hub:AnonymousRateLimit</c>: one token bucket per client address for requests that end unauthenticated (no key,
    /// a wrong one), checked before authentication. Defaults to 10 a second, 100 at once.
    /// </summary>
    [Required]
    public RateLimitOptions AnonymousRateLimit { get; init; } = new() { PermitsPerPeriod = 10, Burst = 100 };

    [Required]
    public WebhookTargetOptions Webhooks { get; init; } = new();

    public IEnumerable<string> Validate()
    {
        if (RateLimit.Burst < RateLimit.PermitsPerPeriod)
        {
            yield return "RateLimit:Burst must be ≥ RateLimit:PermitsPerPeriod.";
        }

        if (AnonymousRateLimit.Burst < AnonymousRateLimit.PermitsPerPeriod)
        {
            yield return "AnonymousRateLimit:Burst must be ≥ AnonymousRateLimit:PermitsPerPeriod.";
        }
    }
}

/// <summary>A token bucket: <c>Hub:RateLimit</c> (one per tenant), <c>Hub:AnonymousRateLimit</c> (one per client address).</summary>
internal sealed class RateLimitOptions
{
    /// <summary>Tokens added every <see cref="Period"/>. Defaults to 20.</summary>
    [Range(1, 100_000)]
    public int PermitsPerPeriod { get; init; } = 20;

    /// <summary>The refill period. Defaults to 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The bucket's size: how many requests a tenant may send at once. Defaults to 40.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; init; } = 40;
}

/// <summary><c>Hub:Webhooks</c>: which targets a webhook subscription may point at.</summary>
internal sealed class WebhookTargetOptions
{
    /// <summary>Allow loopback targets (127.0.0.0/8, ::1, localhost). Sandbox mode turns this on. Defaults to false.</summary>
    public bool AllowLoopbackTargets { get; init; }

    /// <summary>
    /// Allow private-range and link-local targets (10/8, 172.16/12, 192.168/16, 100.64/10, 169.254/16, fc00::/7, fec0::/10,
    /// fe80::/10, 64:ff9b:1::/48, and these carried in IPv6 forms such as 6to4 or NAT64). Defaults to false.
    /// Unspecified, multicast, broadcast and reserved addresses are refused whatever this says.
    /// </summary>
    public bool AllowPrivateTargets { get; init; }
}
