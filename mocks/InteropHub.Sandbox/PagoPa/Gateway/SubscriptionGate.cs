using System.Collections.Concurrent;

namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>
/// APIM in front of GPD: counts every call per subscription key and lets through at most
/// <see cref="PagoPaSandboxSettings.RateLimitRequests"/> per key in any <see cref="PagoPaSandboxSettings.RateLimitWindow"/>:
/// APIM's <c>rate-limit-by-key</c> window slides (its <c>renewal-period</c>), so no fixed boundary lets twice the limit
/// through. Refused calls do not count against the limit, but the busiest window of each key counts every arrival.
/// </summary>
internal sealed class SubscriptionGate(PagoPaSandboxSettings settings, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Arrivals> _keys = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Counts the call; for an API under the limit (<paramref name="limited"/>), returns how long to wait when the key
    /// is over it, else null.
    /// </summary>
    public TimeSpan? Admit(string key, bool limited)
    {
        _calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (!limited)
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_keys.TryGetValue(key, out var arrivals))
            {
                _keys[key] = arrivals = new Arrivals();
            }

            Slide(arrivals.All, now);
            arrivals.All.Enqueue(now);
            arrivals.Busiest = Math.Max(arrivals.Busiest, arrivals.All.Count);
            Slide(arrivals.Admitted, now);
            if (arrivals.Admitted.Count >= settings.RateLimitRequests)
            {
                arrivals.Throttled++;
                return arrivals.Admitted.Peek() + settings.RateLimitWindow - now;
            }

            arrivals.Admitted.Enqueue(now);
            return null;
        }
    }

    public int Calls(string key) => _calls.GetValueOrDefault(key);

    /// <summary>The key's calls refused for the rate limit, and the most calls of the key that arrived within one window.</summary>
    public (int Throttled, int Busiest) Window(string key)
    {
        lock (_lock)
        {
            return _keys.TryGetValue(key, out var arrivals) ? (arrivals.Throttled, arrivals.Busiest) : (0, 0);
        }
    }

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    public void Reset()
    {
        _calls.Clear();
        lock (_lock)
        {
            _keys.Clear();
        }
    }

    private void Slide(Queue<DateTimeOffset> arrivals, DateTimeOffset now)
    {
        while (arrivals.Count > 0 && now - arrivals.Peek() >= settings.RateLimitWindow)
        {
            arrivals.Dequeue();
        }
    }

    private sealed class Arrivals
    {
        public Queue<DateTimeOffset> All { get; } = new();

        public Queue<DateTimeOffset> Admitted { get; } = new();

        public int Throttled { get; set; }

        public int Busiest { get; set; }
    }
}
