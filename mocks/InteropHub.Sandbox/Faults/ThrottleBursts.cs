namespace InteropHub.Sandbox;

/// <summary>
/// Runs of 429s: of every <see cref="Period"/> calls the faults hit, counted from when they are set, the last
/// <see cref="Length"/> are refused with <c>Retry-After</c> = <see cref="RetryAfter"/>, as a gateway does when other
/// clients of the same key, or its own concurrency limit, use up the window.
/// </summary>
public sealed record ThrottleBursts
{
    public ThrottleBursts(int period, int length, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, length);
        if (retryAfter < TimeSpan.FromSeconds(1) || retryAfter.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After counts whole seconds, at least one.");
        }

        (Period, Length, RetryAfter) = (period, length, retryAfter);
    }

    public int Period { get; }

    public int Length { get; }

    public TimeSpan RetryAfter { get; }

    /// <summary>Whether the <paramref name="call"/>-th call hit by the faults (from 1) falls in a burst.</summary>
    public bool Refuses(long call) => call > 0 && (call - 1) % Period >= Period - Length;
}
