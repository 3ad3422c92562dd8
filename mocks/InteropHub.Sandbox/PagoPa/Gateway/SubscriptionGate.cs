using System.Collections.Concurrent;

namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>
/// APIM in front of GPD: counts every call per subscription key and lets through at most
/// <see cref="PagoPaSandboxSettings.RateLimitRequests"/> per key per window (fixed window from the key's first call).
/// </summary>
internal sealed class SubscriptionGate(PagoPaSandboxSettings settings, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Counts the call; returns how long to wait when the key is over its limit, else null.</summary>
    public TimeSpan? Admit(string key)
    {
        _calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var window = _windows.TryGetValue(key, out var current) && now - current.Start < settings.RateLimitWindow
                ? current
                : (Start: now, Count: 0);
            if (window.Count >= settings.RateLimitRequests)
            {
                return window.Start + settings.RateLimitWindow - now;
            }

            _windows[key] = (window.Start, window.Count + 1);
            return null;
        }
    }

    public int Calls(string key) => _calls.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    public void Reset()
    {
        _calls.Clear();
        lock (_lock)
        {
            _windows.Clear();
        }
    }
}
