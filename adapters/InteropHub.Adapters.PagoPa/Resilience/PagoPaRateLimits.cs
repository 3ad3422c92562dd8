using InteropHub.Adapters.PagoPa.Configuration;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.PagoPa.Resilience;

/// <summary>
/// The per-key limits of pagoPA's APIs (docs/platforms/pagopa.md §1.1), kept by every hub instance together through the slots of
/// <see cref="IUpstreamCallSlots"/> in the hub's database.
/// </summary>
internal sealed class PagoPaRateLimits(IUpstreamCallSlots slots, TimeProvider time, IOptions<PagoPaOptions> options, ILogger<PagoPaRateLimits> logger)
    : IDisposable
{
    /// <summary>
    /// GPD allows 100 calls per 10 s per key (<see cref="PagoPaOptions.GpdCallsPerWindow"/>, <see cref="PagoPaOptions.GpdWindow"/>),
    /// counted on arrival: a call's slot frees 10 s after the call ended, so the 100th call after it starts at least
    /// 10 s after that one could have arrived, however late it reached GPD.
    /// An end never recorded (an instance died) is taken as the attempt timeout after the start. Beyond a burst of
    /// <see cref="PagoPaOptions.GpdBurst"/>, calls start evenly spaced over the window.
    /// </summary>
    public CallPacing Gpd { get; } = new(
        new CallLimit("gpd", options.Value.GpdCallsPerWindow, options.Value.GpdWindow, options.Value.Resilience.AttemptTimeout)
        {
            Burst = options.Value.GpdBurst,
        },
        slots,
        time,
        logger);

    /// <summary>
    /// FdR allows 1 call per second per key (TPS 1.0), counted on arrival: one call at a time, and the next starts only
    /// <see cref="PagoPaOptions.FdrCallGap"/> after the previous one ended, so the gap between arrivals is never below it.
    /// An end never recorded (an instance died) is taken as the attempt timeout after the start.
    /// </summary>
    public CallPacing Fdr { get; } = new(
        new CallLimit("fdr", 1, options.Value.FdrCallGap, options.Value.Resilience.AttemptTimeout), slots, time, logger);

    public void Dispose()
    {
        Gpd.Dispose();
        Fdr.Dispose();
    }
}
