namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// A fixed window per consumer organization. PDND replenishes continuously (Redis); a fixed window
/// gives the same 429 and headers with less to reason about in tests.
/// </summary>
internal sealed class TokenRateLimiter(PdndRateLimit limit, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, (DateTimeOffset Start, int Count)> _windows = [];
    private PdndRateLimit _limit = limit;

    public PdndRateLimit Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }

        set
        {
            lock (_lock)
            {
                _limit = value;
                _windows.Clear();
            }
        }
    }

    public RateLimitDecision Acquire(Guid organizationId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var window = _windows.GetValueOrDefault(organizationId);
            if (window.Count == 0 || now >= window.Start + _limit.Interval)
            {
                window = (now, 0);
            }

            var allowed = window.Count < _limit.MaxRequests;
            if (allowed)
            {
                window.Count++;
            }

            _windows[organizationId] = window;
            return new RateLimitDecision(allowed, _limit, _limit.MaxRequests - window.Count, window.Start + _limit.Interval - now);
        }
    }
}
