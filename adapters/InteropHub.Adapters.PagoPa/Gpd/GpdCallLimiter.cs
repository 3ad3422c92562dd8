namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>
/// GPD allows 100 calls per 10 seconds per subscription key, then answers 429 (pagopa.md §1.1). One limiter per key,
/// shared by every caller of the hub (API requests and batch jobs alike), keeps the hub under that line: a call
/// past it waits, in order, until the oldest call of the window leaves it. A sliding log on the injected clock, so the
/// window is exact and testable.
/// </summary>
internal sealed class GpdCallLimiter(TimeProvider time)
{
    public const int CallsPerWindow = 100;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SemaphoreSlim> _turns = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Waits until a call with <paramref name="key"/> fits the window, then counts it.</summary>
    public async ValueTask AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var turn = Turn(key);

        // One waiter per key at a time: callers get the window in arrival order.
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = time.GetUtcNow();
                    var calls = _calls[key];
                    while (calls.Count > 0 && calls.Peek() <= now - Window)
                    {
                        calls.Dequeue();
                    }

                    if (calls.Count < CallsPerWindow)
                    {
                        calls.Enqueue(now);
                        return;
                    }

                    wait = calls.Peek() + Window - now;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Calls counted in the current window for <paramref name="key"/>.</summary>
    public int InWindow(string key)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return _calls.TryGetValue(key, out var calls) ? calls.Count(c => c > now - Window) : 0;
        }
    }

    private SemaphoreSlim Turn(string key)
    {
        lock (_gate)
        {
            if (!_turns.TryGetValue(key, out var turn))
            {
                turn = new SemaphoreSlim(1, 1);
                _turns[key] = turn;
                _calls[key] = new Queue<DateTimeOffset>();
            }

            return turn;
        }
    }
}
