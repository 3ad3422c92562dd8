using InteropHub.Host.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Host.Tests.Jobs;

/// <summary>Graceful shutdown of jobs on a fake clock: wait for running runs up to the limit, then cancel them.</summary>
public sealed class JobDrainTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    private JobDrain NewDrain() => new(_time, NullLogger<JobDrain>.Instance);

    [Fact]
    public async Task With_nothing_running_the_drain_returns_at_once_and_no_new_run_starts()
    {
        var drain = NewDrain();

        var abandoned = await drain.DrainAsync(Grace, TestContext.Current.CancellationToken);

        Assert.Empty(abandoned);
        Assert.Null(drain.TryBegin("late", CancellationToken.None));
    }

    [Fact]
    public async Task A_run_that_finishes_within_the_limit_is_waited_for_and_never_cancelled()
    {
        var drain = NewDrain();
        var lease = drain.TryBegin("anpr.verifications", CancellationToken.None)!;

        // The drain arms its clock before it first yields, so advancing right away reaches it.
        var draining = drain.DrainAsync(Grace, TestContext.Current.CancellationToken);
        _time.Advance(Grace - TimeSpan.FromSeconds(1));
        Assert.False(draining.IsCompleted);

        lease.Dispose();
        var abandoned = await draining;

        Assert.Empty(abandoned);
        Assert.Equal(0, drain.Running);
    }

    [Fact]
    public async Task A_run_still_going_at_the_limit_has_its_token_cancelled_and_the_drain_waits_for_it_to_stop()
    {
        var drain = NewDrain();
        var lease = drain.TryBegin("anpr.verifications", CancellationToken.None)!;
        var stopped = StopWhenCancelledAsync(lease);

        var draining = drain.DrainAsync(Grace, TestContext.Current.CancellationToken);
        _time.Advance(Grace - TimeSpan.FromSeconds(1));
        Assert.False(lease.Token.IsCancellationRequested);
        _time.Advance(TimeSpan.FromSeconds(1));

        var abandoned = await draining;
        await stopped;
        Assert.Empty(abandoned);
        Assert.True(lease.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task A_run_that_ignores_cancellation_is_named_and_the_drain_still_returns()
    {
        var drain = NewDrain();
        using var lease = drain.TryBegin("stubborn.job", CancellationToken.None)!;

        var draining = drain.DrainAsync(Grace, TestContext.Current.CancellationToken);
        _time.Advance(Grace);

        // The second wait is armed after the cancel, on a pool thread: step the clock until the drain gives up. The
        // real pause lets that thread run (a bare yield can starve it on a busy machine); it bounds the loop, it
        // measures nothing.
        var waited = TimeSpan.Zero;
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (!draining.IsCompleted && patience.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(2, TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromMilliseconds(100));
            waited += TimeSpan.FromMilliseconds(100);
        }

        Assert.True(lease.Token.IsCancellationRequested);
        Assert.Equal(["stubborn.job"], await draining);
        Assert.True(waited >= JobDrain.CancelGrace - TimeSpan.FromMilliseconds(100), $"gave up after {waited}");
    }

    [Fact]
    public void Quartz_cancelling_one_run_does_not_touch_another()
    {
        var drain = NewDrain();
        using var quartz = new CancellationTokenSource();
        using var one = drain.TryBegin("one", quartz.Token)!;
        using var two = drain.TryBegin("two", CancellationToken.None)!;

        quartz.Cancel();

        Assert.True(one.Token.IsCancellationRequested);
        Assert.False(two.Token.IsCancellationRequested);
        Assert.Equal(2, drain.Running);
    }

    private static async Task StopWhenCancelledAsync(JobDrain.Lease lease)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, lease.Token);
        }
        catch (OperationCanceledException)
        {
            lease.Dispose();
        }
    }
}
