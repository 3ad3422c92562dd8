using InteropHub.Adapters.PagoPa.Configuration;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.PagoPa.Fdr;

/// <summary>
/// FdR declares about one call per second (TPS 1.0, pagopa.md §1.1): calls with the same subscription key are spaced
/// by at least 1 / <see cref="PagoPaOptions.FdrCallsPerSecond"/>, in arrival order, on the injected clock. Each caller
/// books the next free slot, then waits for it.
/// </summary>
internal sealed class FdrCallPacer(TimeProvider time, IOptions<PagoPaOptions> options)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / options.Value.FdrCallsPerSecond);
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TimeSpan Interval => _interval;

    /// <summary>Waits for the next slot of <paramref name="key"/>.</summary>
    public Task AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot.TryGetValue(key, out var next) && next > now ? next : now;
            _nextSlot[key] = slot + _interval;
            wait = slot - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
