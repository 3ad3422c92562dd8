using InteropHub.Adapters.PagoPa.Configuration;
using InteropHub.Adapters.PagoPa.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Adapters.PagoPa.Tests.Resilience;

/// <summary>pagoPA's per-key limits on a fake clock: FdR paced from the end of the previous call, GPD evenly within 100 calls per 10 s.</summary>
public sealed class CallPacingTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(1.1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_next_fdr_call_starts_only_the_gap_after_the_previous_call_ended()
    {
        using var limits = new PagoPaRateLimits(_time, Options.Create(new PagoPaOptions { FdrCallGap = Gap }));
        var fdr = limits.Fdr;
        var first = await fdr.AcquireAsync("key-a", Ct);
        var second = fdr.AcquireAsync("key-a", Ct).AsTask();

        // A slow call: the pace counts from its end, so a slow answer never squeezes the next arrival.
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        first.Dispose();
        _time.Advance(Gap - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Fdr_keys_are_paced_apart()
    {
        using var limits = new PagoPaRateLimits(_time, Options.Create(new PagoPaOptions()));
        var fdr = limits.Fdr;
        using var a = await fdr.AcquireAsync("key-a", Ct);

        using var b = await fdr.AcquireAsync("key-b", Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(b.IsAcquired);
    }

    [Fact]
    public async Task Gpd_calls_start_ten_at_a_time_1_1_s_apart_and_never_more_than_100_in_10_s()
    {
        using var limits = new PagoPaRateLimits(_time, Options.Create(new PagoPaOptions()));
        var gpd = limits.Gpd;
        var starts = new List<DateTimeOffset>();
        var calls = Enumerable.Range(0, 125).Select(_ => CallAsync(gpd, starts)).ToList();

        for (var group = 1; group <= 13; group++)
        {
            var expected = Math.Min(10 * group, calls.Count);
            await EventuallyAsync(() => Count(starts) == expected, $"{expected} calls started");
            Assert.Equal(expected, Count(starts));
            _time.Advance(PagoPaRateLimits.GpdPermitHold - TimeSpan.FromMilliseconds(1));
            Assert.Equal(expected, Count(starts));
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var most = starts.Max(first => starts.Count(s => s >= first && s <= first + TimeSpan.FromSeconds(10)));
        Assert.Equal(100, most);
    }

    [Fact]
    public void The_platform_limits_are_gpds_100_per_10_s_and_fdrs_1_per_s_with_a_margin()
    {
        using var limits = new PagoPaRateLimits(_time, Options.Create(new PagoPaOptions()));

        Assert.Equal((10, TimeSpan.FromSeconds(1.1), TimeSpan.Zero), (limits.Gpd.Permits, limits.Gpd.AfterStart, limits.Gpd.AfterEnd));
        Assert.Equal((1, TimeSpan.Zero, TimeSpan.FromSeconds(1.1)), (limits.Fdr.Permits, limits.Fdr.AfterStart, limits.Fdr.AfterEnd));
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
