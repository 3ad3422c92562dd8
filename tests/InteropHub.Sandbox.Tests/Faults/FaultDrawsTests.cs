namespace InteropHub.Sandbox.Tests.Faults;

/// <summary>The draws behind injected faults (seeded, bounded, in proportion) and the pattern of 429 bursts.</summary>
public sealed class FaultDrawsTests
{
    private static readonly TimeSpan Least = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Most = TimeSpan.FromSeconds(2);

    [Fact]
    public void The_same_seed_draws_the_same_latencies_and_failures_and_another_seed_does_not()
    {
        static List<(TimeSpan, bool)> Draw(int seed)
        {
            var draws = new FaultDraws(seed);
            return [.. Enumerable.Range(0, 200).Select(_ => (draws.Latency(Least, Most, 0.3), draws.Hit(0.2)))];
        }

        Assert.Equal(Draw(42), Draw(42));
        Assert.NotEqual(Draw(42), Draw(43));
    }

    [Fact]
    public void Latencies_fall_between_the_least_and_the_most_for_about_their_share_of_calls()
    {
        var draws = new FaultDraws(7);

        var latencies = Enumerable.Range(0, 10_000).Select(_ => draws.Latency(Least, Most, 0.25)).ToList();

        var delayed = latencies.Where(l => l > TimeSpan.Zero).ToList();
        Assert.InRange(delayed.Count, 2_300, 2_700);
        Assert.All(delayed, l => Assert.InRange(l, Least, Most));
        Assert.InRange(delayed.Average(l => l.TotalMilliseconds), 950, 1_150);
    }

    [Fact]
    public void A_ratio_of_zero_never_hits_and_a_fixed_latency_is_that_latency()
    {
        var draws = new FaultDraws(1);

        Assert.DoesNotContain(true, Enumerable.Range(0, 1_000).Select(_ => draws.Hit(0)));
        Assert.Equal(Most, draws.Latency(Most, Most, 1));
        Assert.Equal(TimeSpan.Zero, draws.Latency(Least, Most, 0));
    }

    [Fact]
    public void Bursts_refuse_the_last_calls_of_every_period()
    {
        var bursts = new ThrottleBursts(period: 5, length: 2, TimeSpan.FromSeconds(1));

        var refused = Enumerable.Range(1, 15).Where(call => bursts.Refuses(call));

        Assert.Equal([4, 5, 9, 10, 14, 15], refused);
    }

    [Theory]
    [InlineData(5, 0, 1000)]
    [InlineData(2, 2, 1000)]
    [InlineData(10, 2, 0)]
    [InlineData(10, 2, 1500)]
    public void Bursts_that_would_refuse_everything_or_a_retry_after_of_no_whole_second_are_refused(int period, int length, int retryAfterMs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThrottleBursts(period, length, TimeSpan.FromMilliseconds(retryAfterMs)));
}
