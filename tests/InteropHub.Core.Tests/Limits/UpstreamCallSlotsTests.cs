using InteropHub.Contracts.Adapters;
using InteropHub.Core.Limits;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Core.Tests.Limits;

/// <summary>Upstream limits' slots in the database, on the test's fake clock: what every hub instance sharing it keeps.</summary>
public class UpstreamCallSlotsTests : HubDatabaseTest
{
    private static readonly CallLimit Gpd = new("gpd", 100, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
    private static readonly CallLimit Fdr = new("fdr", 1, TimeSpan.FromSeconds(1.1), TimeSpan.FromSeconds(10));

    /// <summary>Slots on <paramref name="clock"/> (the fake clock of the test by default), as one hub instance takes them.</summary>
    private protected UpstreamCallSlots Slots(TimeProvider? clock = null, bool databaseClock = false) =>
        new(Db.Get<IDbContextFactory<HubDbContext>>(), clock ?? Db.Time, databaseClock);

    [Fact]
    public async Task Parallel_takers_on_two_instances_get_no_more_slots_than_the_limit_while_the_calls_run()
    {
        var instances = new[] { Slots(), Slots() };

        var slots = await Task.WhenAll(Enumerable.Range(0, 250).Select(i => instances[i % 2].TakeAsync(Gpd, "key-a", Ct).AsTask()));

        var taken = slots.Where(s => s.Taken).ToList();
        Assert.Equal(100, taken.Count);
        Assert.All(taken, s => Assert.Equal(TimeSpan.Zero, s.Wait));
        Assert.All(slots.Where(s => !s.Taken), s => Assert.Equal(Gpd.MaxCall + Gpd.AfterEnd, s.Wait));
    }

    [Fact]
    public async Task Once_the_calls_ended_parallel_takers_learn_when_their_slot_frees_and_none_starts_early()
    {
        var instances = new[] { Slots(), Slots() };
        var first = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => instances[i % 2].TakeAsync(Gpd, "key-a", Ct).AsTask()));
        Db.Time.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(first.Take(60).Select(s => instances[0].EndAsync(Gpd, s, Ct).AsTask()));
        Db.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first.Skip(60).Select(s => instances[1].EndAsync(Gpd, s, Ct).AsTask()));
        Db.Time.Advance(TimeSpan.FromSeconds(4));

        var next = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => instances[i % 2].TakeAsync(Gpd, "key-a", Ct).AsTask()));

        // 60 calls ended at 2 s and 40 at 3 s: their slots free 10 s later, 5 s from now and 6 s; no slot beyond them.
        var waits = next.Where(s => s.Taken).CountBy(s => s.Wait).OrderBy(g => g.Key).Select(g => (g.Key, g.Value)).ToArray();
        Assert.Equal(new[] { (TimeSpan.FromSeconds(5), 60), (TimeSpan.FromSeconds(6), 40) }, waits);
        Assert.Equal(50, next.Count(s => !s.Taken));
    }

    [Fact]
    public async Task Keys_and_limits_keep_their_slots_apart()
    {
        var slots = Slots();
        var one = Gpd with { Calls = 1 };
        await slots.TakeAsync(one, "key-a", Ct);

        Assert.True((await slots.TakeAsync(one, "key-b", Ct)).Taken);
        Assert.True((await slots.TakeAsync(one with { Name = "other" }, "key-a", Ct)).Taken);
        Assert.False((await slots.TakeAsync(one, "key-a", Ct)).Taken);
    }

    [Fact]
    public async Task A_slot_is_held_while_its_call_runs_and_frees_the_gap_after_the_recorded_end()
    {
        var slots = Slots();
        var first = await slots.TakeAsync(Fdr, "key-a", Ct);
        Db.Time.Advance(TimeSpan.FromSeconds(2));

        var waiting = await slots.TakeAsync(Fdr, "key-a", Ct);
        await slots.EndAsync(Fdr, first, Ct);
        var next = await slots.TakeAsync(Fdr, "key-a", Ct);

        Assert.Equal((true, TimeSpan.Zero), (first.Taken, first.Wait));
        Assert.Equal((false, TimeSpan.FromSeconds(9.1)), (waiting.Taken, waiting.Wait));
        Assert.Equal((true, TimeSpan.FromSeconds(1.1)), (next.Taken, next.Wait));
    }

    [Fact]
    public async Task A_call_whose_end_is_never_recorded_frees_its_slot_after_the_longest_call_and_the_gap()
    {
        var slots = Slots();
        await slots.TakeAsync(Fdr, "key-a", Ct);

        Db.Time.Advance(TimeSpan.FromSeconds(11.1));
        var next = await slots.TakeAsync(Fdr, "key-a", Ct);

        Assert.Equal((true, TimeSpan.Zero), (next.Taken, next.Wait));
    }

    [Fact]
    public async Task Parallel_takers_of_a_one_call_limit_get_one_slot_between_them()
    {
        var instances = new[] { Slots(), Slots() };

        var slots = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => instances[i % 2].TakeAsync(Fdr, "key-a", Ct).AsTask()));

        Assert.Single(slots, s => s.Taken);
        Assert.Equal(1L, await CountAsync());
    }

    [Fact]
    public async Task The_database_keeps_the_key_identity_and_forgets_slots_that_have_freed()
    {
        var slots = Slots();
        await slots.EndAsync(Gpd, await slots.TakeAsync(Gpd, "key-0123456789ab", Ct), Ct);
        Db.Time.Advance(Gpd.AfterEnd);

        await slots.TakeAsync(Gpd, "key-0123456789ab", Ct);

        Assert.Equal(1L, await CountAsync());
        Assert.Equal("key-0123456789ab", await Db.ScalarAsync("""SELECT "Key" FROM "UpstreamCallSlots" """));
    }

    [Fact]
    public async Task A_paced_limit_starts_a_burst_at_once_then_one_call_an_interval_across_instances()
    {
        var paced = Gpd with { Burst = 10 };
        var instances = new[] { Slots(), Slots() };

        var slots = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => instances[i % 2].TakeAsync(paced, "key-a", Ct).AsTask()));

        // 10 s / 100 calls: a call every 100 ms after the first ten, whichever instance takes it.
        Assert.All(slots, s => Assert.True(s.Taken));
        var expected = Enumerable.Repeat(TimeSpan.Zero, 10).Concat(Enumerable.Range(1, 30).Select(i => TimeSpan.FromMilliseconds(100 * i)));
        Assert.Equal(expected, slots.Select(s => s.Wait).Order());
    }

    [Fact]
    public async Task A_paced_key_left_quiet_regains_its_whole_burst_and_never_exceeds_its_window()
    {
        var paced = Gpd with { Calls = 5, Burst = 3 };
        var slots = Slots();
        var first = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => slots.TakeAsync(paced, "key-a", Ct).AsTask()));
        Assert.Equal([0, 0, 0, 2, 4], first.Select(s => (int)s.Wait.TotalSeconds).Order());
        await Task.WhenAll(first.Select(s => slots.EndAsync(paced, s, Ct).AsTask()));

        // The window still holds the five: the sixth waits for the first's slot, however long the key was quiet.
        var sixth = await slots.TakeAsync(paced, "key-a", Ct);
        Assert.Equal(paced.AfterEnd, sixth.Wait);
        await slots.EndAsync(paced, sixth, Ct);
        Db.Time.Advance(TimeSpan.FromSeconds(30));

        var later = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => slots.TakeAsync(paced, "key-a", Ct).AsTask()));
        Assert.Equal([0, 0, 0, 2], later.Select(s => (int)s.Wait.TotalSeconds).Order());
    }

    [Fact]
    public void A_burst_beyond_the_window_calls_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (Gpd with { Burst = 101 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Gpd with { Burst = 0 }).Validate());
    }

    private async Task<long> CountAsync() =>
        Convert.ToInt64(await Db.ScalarAsync("""SELECT COUNT(*) FROM "UpstreamCallSlots" """), System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class UpstreamCallSlotsPostgreSqlTests : UpstreamCallSlotsTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;

    [Fact]
    public async Task Instances_whose_clocks_disagree_share_one_window_on_the_database_clock()
    {
        var limit = new CallLimit("gpd", 10, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
        var early = Slots(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1)), databaseClock: true);
        var late = Slots(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1)), databaseClock: true);
        for (var i = 0; i < 10; i++)
        {
            var slot = await late.TakeAsync(limit, "key-a", Ct);
            Assert.Equal(TimeSpan.Zero, slot.Wait);
            await late.EndAsync(limit, slot, Ct);
        }

        var next = await early.TakeAsync(limit, "key-a", Ct);

        // The slots free 30 s after the ends on the database's clock, whatever either process's clock says.
        Assert.True(next.Taken);
        Assert.InRange(next.Wait, TimeSpan.FromSeconds(20), limit.AfterEnd);
    }
}
