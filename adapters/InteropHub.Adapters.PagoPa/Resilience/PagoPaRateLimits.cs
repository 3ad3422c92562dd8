using InteropHub.Adapters.PagoPa.Configuration;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.PagoPa.Resilience;

/// <summary>The per-key limits of pagoPA's APIs (pagopa.md §1.1), one of each for the whole process.</summary>
internal sealed class PagoPaRateLimits(TimeProvider time, IOptions<PagoPaOptions> options) : IDisposable
{
    /// <summary>GPD's calls of one key at once.</summary>
    public const int GpdPermits = 10;

    /// <summary>How long a GPD permit stays taken after its call started.</summary>
    public static readonly TimeSpan GpdPermitHold = TimeSpan.FromSeconds(1.1);

    /// <summary>
    /// GPD allows 100 calls per 10 s per key: 10 permits each back 1.1 s after its call started let at most 10 calls start
    /// in any 1.1 s, so calls go out evenly and at most 100 arrive in any 10 s, even with up to a second of network jitter.
    /// </summary>
    public CallPacing Gpd { get; } = new(GpdPermits, GpdPermitHold, TimeSpan.Zero, time);

    /// <summary>
    /// FdR allows 1 call per second per key (TPS 1.0), counted on arrival: one call at a time, and the next starts only
    /// <see cref="PagoPaOptions.FdrCallGap"/> after the previous one ended, so the gap between arrivals is never below it.
    /// </summary>
    public CallPacing Fdr { get; } = new(1, TimeSpan.Zero, options.Value.FdrCallGap, time);

    public void Dispose()
    {
        Gpd.Dispose();
        Fdr.Dispose();
    }
}
