using InteropHub.Adapters.PagoPa.Configuration;
using InteropHub.Adapters.PagoPa.Resilience;
using InteropHub.Adapters.PagoPa.Tests.TestSupport;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.PagoPa.Tests.Resilience;

/// <summary>
/// pagoPA's per-key limits on a fake clock, over slots shared by every instance: FdR paced from the end of the previous
/// call, GPD at most 100 calls in any 10 s plus the margin.
/// </summary>
public sealed class CallPacingTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(1.1);
    private readonly TimerLog _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCallSlots _slots;

    public CallPacingTests() => _slots = new InMemoryCallSlots(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_next_fdr_call_starts_only_the_gap_after_the_previous_call_ended()
    {
        using var limits = Instance(new PagoPaOptions { FdrCallGap = Gap });
        var fdr = limits.Fdr;
        var first = await fdr.AcquireAsync("key-a", Ct);
        var second = fdr.AcquireAsync("key-a", Ct).AsTask();

        // A slow call: the pace counts from its end, so a slow answer never squeezes the next arrival.
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        await EndAndAwaitTimerAsync(first);
        _time.Advance(Gap - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Fdr_calls_of_two_instances_keep_the_gap_after_the_end_of_each_others_calls()
    {
        using var one = Instance(new PagoPaOptions { FdrCallGap = Gap });
        using var other = Instance(new PagoPaOptions { FdrCallGap = Gap });
        var first = await one.Fdr.AcquireAsync("key-a", Ct);
        var timers = _time.Dues.Count;
        var second = other.Fdr.AcquireAsync("key-a", Ct).AsTask();

        // The other instance cannot know when the running call will end: it asks again each second.
        await EventuallyAsync(() => _time.Dues.Count > timers, "the other instance waits");
        Assert.Equal(TimeSpan.FromSeconds(1), _time.Dues[^1]);
        timers = _time.Dues.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        await EventuallyAsync(() => _time.Dues.Count > timers, "the other instance asks again");
        _time.Advance(TimeSpan.FromSeconds(0.4));
        first.Dispose();
        var ended = _time.GetUtcNow();
        timers = _time.Dues.Count;
        _time.Advance(TimeSpan.FromSeconds(0.6));
        await EventuallyAsync(() => _time.Dues.Count > timers, "the other instance takes the slot");
        _time.Advance(Gap - TimeSpan.FromSeconds(0.6) - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(ended + Gap, _time.GetUtcNow());
    }

    [Fact]
    public async Task Fdr_keys_are_paced_apart()
    {
        using var limits = Instance(new PagoPaOptions());
        var fdr = limits.Fdr;
        using var a = await fdr.AcquireAsync("key-a", Ct);

        using var b = await fdr.AcquireAsync("key-b", Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(b.IsAcquired);
    }

    [Fact]
    public async Task Gpd_calls_of_two_instances_start_100_at_once_then_each_10_s_after_the_end_of_the_100th_before()
    {
        using var one = Instance(new PagoPaOptions());
        using var other = Instance(new PagoPaOptions());
        var starts = new List<DateTimeOffset>();
        var calls = Enumerable.Range(0, 250).Select(i => CallAsync(i % 2 == 0 ? one.Gpd : other.Gpd, starts)).ToList();

        // Each call ends as it starts; callers who find the 100th call before still running ask again each second.
        foreach (var expected in new[] { 100, 200, 250 })
        {
            await EventuallyAsync(() => Count(starts) == expected, $"{expected} calls started");
            for (var second = 1; second < 10; second++)
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                Assert.Equal(expected, Count(starts));
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var most = starts.Max(first => starts.Count(s => s >= first && s < first + new PagoPaOptions().GpdWindow));
        Assert.Equal(100, most);
    }

    [Fact]
    public void The_platform_limits_count_from_each_calls_end_gpds_100_per_10_s_paced_after_10_and_fdrs_1_per_s_with_a_margin()
    {
        using var limits = Instance(new PagoPaOptions());

        Assert.Equal(new CallLimit("gpd", 100, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)) { Burst = 10 }, limits.Gpd.Limit);
        Assert.Equal(TimeSpan.FromMilliseconds(100), limits.Gpd.Limit.Interval);
        Assert.Equal(new CallLimit("fdr", 1, Gap, TimeSpan.FromSeconds(10)), limits.Fdr.Limit);
    }

    private PagoPaRateLimits Instance(PagoPaOptions options) => new(_slots, _time, Options.Create(options), NullLogger<PagoPaRateLimits>.Instance);

    // Ends the call of the lease; the key's next caller then waits for its slot on a new timer.
    private async Task EndAndAwaitTimerAsync(IDisposable lease)
    {
        var timers = _time.Dues.Count;
        lease.Dispose();
        await EventuallyAsync(() => _time.Dues.Count > timers, "the next call waits for its slot");
    }

    private async Task CallAsync(CallPacing pacing, List<DateTimeOffset> starts)
    {
        using var lease = await pacing.AcquireAsync("key-a", Ct);
        lock (starts)
        {
            starts.Add(_time.GetUtcNow());
        }
    }

    private static int Count(List<DateTimeOffset> starts)
    {
        lock (starts)
        {
            return starts.Count;
        }
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(1, Ct);
        }

        Assert.True(condition(), what);
    }
}
