using System.Diagnostics;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// Bounded polling for work that runs on the hub's own threads or in another process, where there is no clock to fake.
/// The bound is a deadline, not a number of attempts: a loaded CI machine answers each poll more slowly, and a test must
/// not fail only because its polls got slower. A hang is still caught by the deadline (and by the hang guard).
/// </summary>
public static class Polling
{
    /// <summary>How long a condition may take to come true before the test fails.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="condition"/> until it holds; false when <paramref name="limit"/> (default 120 s) passed first.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (clock.Elapsed > (limit ?? DefaultLimit))
            {
                return false;
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }
}
