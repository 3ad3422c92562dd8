using System.Threading.RateLimiting;

namespace InteropHub.Adapters.PagoPa.Resilience;

/// <summary>
/// A platform's rate limit per subscription key, shared by every client and caller of the process: at most
/// <see cref="Permits"/> calls of one key at once, and a call's permit returns only <see cref="AfterStart"/> after the
/// call started and <see cref="AfterEnd"/> after it ended, on the injected clock. Built on
/// System.Threading.RateLimiting's <see cref="ConcurrencyLimiter"/> (callers wait in arrival order).
/// </summary>
internal sealed class CallPacing : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeProvider _time;

    public CallPacing(int permits, TimeSpan afterStart, TimeSpan afterEnd, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permits);
        ArgumentOutOfRangeException.ThrowIfLessThan(afterStart, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(afterEnd, TimeSpan.Zero);
        (Permits, AfterStart, AfterEnd, _time) = (permits, afterStart, afterEnd, time);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    public int Permits { get; }

    public TimeSpan AfterStart { get; }

    public TimeSpan AfterEnd { get; }

    /// <summary>Waits for a permit of the key <paramref name="keyId"/>; disposing the lease ends the call.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string keyId, CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(keyId, 1, cancellationToken).ConfigureAwait(false);
        return lease.IsAcquired ? new PacedLease(this, lease, _time.GetUtcNow()) : lease;
    }

    public void Dispose() => _limiter.Dispose();

    private async Task ReturnAsync(RateLimitLease permit, DateTimeOffset started)
    {
        var now = _time.GetUtcNow();
        var due = started + AfterStart > now + AfterEnd ? started + AfterStart : now + AfterEnd;
        try
        {
            if (due > now)
            {
                await Task.Delay(due - now, _time).ConfigureAwait(false);
            }
        }
        finally
        {
            permit.Dispose();
        }
    }

    private sealed class PacedLease(CallPacing pacing, RateLimitLease permit, DateTimeOffset started) : RateLimitLease
    {
        private int _ended;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => permit.MetadataNames;

        public override bool TryGetMetadata(string metadataName, out object? metadata) => permit.TryGetMetadata(metadataName, out metadata);

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _ended, 1) == 0)
            {
                _ = pacing.ReturnAsync(permit, started);
            }
        }
    }
}
