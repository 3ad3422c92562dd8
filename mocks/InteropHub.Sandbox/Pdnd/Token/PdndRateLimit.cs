namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// Token requests allowed per consumer organization within an interval (docs/platforms/pdnd.md §1.4 step 8);
/// PDND's own local default is 10 per 1000 ms, the sandbox's default is generous.
/// </summary>
public sealed record PdndRateLimit
{
    public static readonly PdndRateLimit Default = new(10_000, TimeSpan.FromSeconds(1));

    public PdndRateLimit(int maxRequests, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRequests);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromMilliseconds(1));
        MaxRequests = maxRequests;
        Interval = interval;
    }

    public int MaxRequests { get; }

    public TimeSpan Interval { get; }
}
