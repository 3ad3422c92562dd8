using InteropHub.Adapters.PagoPa.Gpd;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Adapters.PagoPa.Tests.Gpd;

/// <summary>GPD's 100 calls per 10 s per subscription key, kept on the hub's side, on a fake clock.</summary>
public sealed class GpdCallLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_hundred_and_first_call_waits_until_the_first_leaves_the_window()
    {
        var limiter = new GpdCallLimiter(_time);
        for (var i = 0; i < GpdCallLimiter.CallsPerWindow; i++)
        {
            await limiter.AcquireAsync("key-a", TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var next = limiter.AcquireAsync("key-a", TestContext.Current.CancellationToken).AsTask();
        Assert.False(next.IsCompleted);

        // The first call was at t=0 and it is now t=1 s: the window frees a place at t=10 s.
        _time.Advance(TimeSpan.FromSeconds(9) - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(GpdCallLimiter.CallsPerWindow, limiter.InWindow("key-a"));
    }

    [Fact]
    public async Task Keys_have_windows_of_their_own()
    {
        var limiter = new GpdCallLimiter(_time);
        for (var i = 0; i < GpdCallLimiter.CallsPerWindow; i++)
        {
            await limiter.AcquireAsync("key-a", TestContext.Current.CancellationToken);
        }

        var other = limiter.AcquireAsync("key-b", TestContext.Current.CancellationToken);

        Assert.True(other.IsCompleted);
        Assert.Equal(1, limiter.InWindow("key-b"));
    }

    [Fact]
    public async Task Concurrent_callers_never_put_more_than_the_limit_in_one_window()
    {
        var limiter = new GpdCallLimiter(_time);
        var calls = Enumerable.Range(0, 250).Select(_ => limiter.AcquireAsync("key-a", TestContext.Current.CancellationToken).AsTask()).ToList();

        var released = new List<int>();
        for (var step = 0; step < 3; step++)
        {
            await WaitForStableAsync(calls);
            released.Add(calls.Count(c => c.IsCompleted));
            Assert.True(limiter.InWindow("key-a") <= GpdCallLimiter.CallsPerWindow);
            _time.Advance(GpdCallLimiter.Window);
        }

        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal([100, 200, 250], released);
    }

    [Fact]
    public async Task A_cancelled_waiter_gives_its_turn_to_the_next()
    {
        var limiter = new GpdCallLimiter(_time);
        for (var i = 0; i < GpdCallLimiter.CallsPerWindow; i++)
        {
            await limiter.AcquireAsync("key-a", TestContext.Current.CancellationToken);
        }

        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync("key-a", cancel.Token).AsTask();
        var next = limiter.AcquireAsync("key-a", TestContext.Current.CancellationToken).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        _time.Advance(GpdCallLimiter.Window);
        await next.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    /// <summary>Lets released callers run until the count of completed calls stops moving (bounded).</summary>
    private static async Task WaitForStableAsync(List<Task> calls)
    {
        var last = -1;
        for (var i = 0; i < 200; i++)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            var now = calls.Count(c => c.IsCompleted);
            if (now == last)
            {
                return;
            }

            last = now;
        }
    }
}
