using System.Threading.RateLimiting;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.Logging;

namespace InteropHub.Adapters.PagoPa.Resilience;

/// <summary>
/// A platform's limit per subscription key, kept by every hub instance together: each call takes a slot of
/// <see cref="IUpstreamCallSlots"/> (the hub's database), starts when the slot says (on the injected clock) and records
/// its end when its lease is disposed. The process's own callers beyond the key's slots queue in arrival order
/// (System.Threading.RateLimiting's <see cref="ConcurrencyLimiter"/>) and wake when one of its calls ends.
/// </summary>
internal sealed partial class CallPacing : IDisposable
{
    // While the slot to wait for is held by a call of another instance, its end is unknown: ask again this often.
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private readonly IUpstreamCallSlots _slots;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PartitionedRateLimiter<string> _local;

    public CallPacing(CallLimit limit, IUpstreamCallSlots slots, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(limit);
        limit.Validate();
        (Limit, _slots, _time, _logger) = (limit, slots, time, logger);
        _local = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = limit.Calls,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    public CallLimit Limit { get; }

    /// <summary>Waits until a call with the key <paramref name="keyId"/> may start; disposing the lease ends the call.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string keyId, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(keyId, 1, cancellationToken).ConfigureAwait(false);
        if (!local.IsAcquired)
        {
            return local;
        }

        try
        {
            while (true)
            {
                var slot = await _slots.TakeAsync(Limit, keyId, cancellationToken).ConfigureAwait(false);
                if (slot.Taken)
                {
                    await StartAsync(keyId, slot, cancellationToken).ConfigureAwait(false);
                    return new SlotLease(this, keyId, slot, local);
                }

                await Task.Delay(slot.Wait < Recheck ? slot.Wait : Recheck, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            local.Dispose();
            throw;
        }
    }

    public void Dispose() => _local.Dispose();

    private async Task StartAsync(string keyId, CallSlot slot, CancellationToken cancellationToken)
    {
        try
        {
            if (slot.Wait > TimeSpan.Zero)
            {
                await Task.Delay(slot.Wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // A caller that gives up ends its slot, so the key's next calls need not wait for the longest call.
            await EndAsync(keyId, slot).ConfigureAwait(false);
            throw;
        }
    }

    private async Task EndAsync(string keyId, CallSlot slot)
    {
        try
        {
            await _slots.EndAsync(Limit, slot, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogEndNotRecorded(_logger, exception, Limit.Name, keyId);
        }
    }

    private async Task EndAsync(string keyId, CallSlot slot, RateLimitLease local)
    {
        try
        {
            await EndAsync(keyId, slot).ConfigureAwait(false);
        }
        finally
        {
            local.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The end of a {Limit} call with {KeyId} was not recorded; its slot frees after the longest call")]
    private static partial void LogEndNotRecorded(ILogger logger, Exception exception, string limit, string keyId);

    private sealed class SlotLease(CallPacing pacing, string keyId, CallSlot slot, RateLimitLease local) : RateLimitLease
    {
        private int _ended;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _ended, 1) == 0)
            {
                _ = pacing.EndAsync(keyId, slot, local);
            }
        }
    }
}
