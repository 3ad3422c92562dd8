using System.Collections.Concurrent;
using InteropHub.Contracts.Pdnd;
using Microsoft.Extensions.Logging;

namespace InteropHub.Adapters.Pdnd.Vouchers;

/// <summary>
/// Vouchers per <see cref="VoucherCacheKey"/>, single-flight: however many callers find a key cold or stale, one
/// token request runs and they all await it. A voucher is refreshed in the background once less than
/// max(10 % of its lifetime, 60 s) remains (at most half its lifetime, so a 60 s voucher is not re-requested on
/// every call), and never handed out in its last <see cref="UnusableTail"/>.
/// </summary>
internal sealed partial class VoucherCache(TimeProvider time, ILogger<VoucherCache> logger)
{
    /// <summary>A token this close to expiry may expire on its way to the producer.</summary>
    public static readonly TimeSpan UnusableTail = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MinimumRefreshAhead = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<VoucherCacheKey, Entry> _entries = new();

    public async ValueTask<Voucher> GetAsync(VoucherCacheKey key, Func<CancellationToken, Task<Voucher>> fetch, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        TaskCompletionSource<Voucher>? started = null;
        Voucher? usable = null;
        Task<Voucher>? pending = null;
        lock (entry)
        {
            var now = time.GetUtcNow();
            if (entry.Voucher is { } current && current.ExpiresAt - now > UnusableTail)
            {
                usable = current;
                if (entry.Pending is null && current.ExpiresAt - now < RefreshAhead(current))
                {
                    started = entry.Pending = NewPending();
                }
            }
            else
            {
                if (entry.Pending is null)
                {
                    started = entry.Pending = NewPending();
                }

                pending = entry.Pending.Task;
            }
        }

        if (started is not null)
        {
            _ = FetchAsync(entry, started, fetch);
        }

        return usable ?? await pending!.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets <paramref name="rejected"/> if it is still the key's voucher.</summary>
    public void Evict(VoucherCacheKey key, Voucher rejected)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            lock (entry)
            {
                if (ReferenceEquals(entry.Voucher, rejected))
                {
                    entry.Voucher = null;
                }
            }
        }
    }

    private static TimeSpan RefreshAhead(Voucher voucher)
    {
        var ahead = TimeSpan.FromTicks(Math.Max(voucher.Lifetime.Ticks / 10, MinimumRefreshAhead.Ticks));
        return TimeSpan.FromTicks(Math.Min(ahead.Ticks, voucher.Lifetime.Ticks / 2));
    }

    private static TaskCompletionSource<Voucher> NewPending() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Runs once per pending fetch; the fetch is shared, so no caller's cancellation may cancel it.
    private async Task FetchAsync(Entry entry, TaskCompletionSource<Voucher> pending, Func<CancellationToken, Task<Voucher>> fetch)
    {
        try
        {
            var voucher = await fetch(CancellationToken.None).ConfigureAwait(false);
            lock (entry)
            {
                entry.Voucher = voucher;
                entry.Pending = null;
            }

            pending.SetResult(voucher);
            RemoveExpired();
        }
        catch (Exception e)
        {
            lock (entry)
            {
                entry.Pending = null;
            }

            LogFetchFailed(e.GetType().Name);
            pending.SetException(e);
            _ = pending.Task.Exception; // a background refresh may have no awaiter
        }
    }

    // An entry removed while a caller still holds it costs that key one extra token request, nothing worse.
    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var pair in _entries)
        {
            bool expired;
            lock (pair.Value)
            {
                expired = pair.Value.Pending is null && (pair.Value.Voucher is null || pair.Value.Voucher.ExpiresAt <= now);
            }

            if (expired)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Voucher request failed: {Failure}")]
    private partial void LogFetchFailed(string failure);

    private sealed class Entry
    {
        public Voucher? Voucher { get; set; }

        public TaskCompletionSource<Voucher>? Pending { get; set; }
    }
}
