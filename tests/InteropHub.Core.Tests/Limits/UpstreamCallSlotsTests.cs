using InteropHub.Contracts.Adapters;
using InteropHub.Core.Limits;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Core.Tests.Limits;

/// <summary>Upstream limits' slots in the database, on the test's fake clock: what every hub instance sharing it keeps.</summary>
public class UpstreamCallSlotsTests : HubDatabaseTest
{
    private static readonly CallLimit Gpd = new("gpd", 100, TimeSpan.FromSeconds(10.25));
    private static readonly CallLimit Fdr = new("fdr", 1, TimeSpan.Zero, TimeSpan.FromSeconds(1.1), TimeSpan.FromSeconds(10));

    /// <summary>Slots on <paramref name="clock"/> (the fake clock of the test by default), as one hub instance takes them.</summary>
    private protected UpstreamCallSlots Slots(TimeProvider? clock = null, bool databaseClock = false) =>
        new(Db.Get<IDbContextFactory<HubDbContext>>(), clock ?? Db.Time, databaseClock);

    [Fact]
    public async Task Parallel_takers_on_two_instances_never_start_more_than_the_limit_in_any_window()
    {
        var instances = new[] { Slots(), Slots() };

        var slots = await Task.WhenAll(Enumerable.Range(0, 250).Select(i => instances[i % 2].TakeAsync(Gpd, "key-a", Ct).AsTask()));

        Assert.All(slots, s => Assert.True(s.Taken));
        Assert.Equal(250, slots.Select(s => s.Id).Distinct().Count());
        var starts = slots.CountBy(s => s.Wait).OrderBy(g => g.Key).Select(g => (g.Key, g.Value)).ToArray();
        Assert.Equal(new[] { (TimeSpan.Zero, 100), (Gpd.AfterStart, 100), (2 * Gpd.AfterStart, 50) }, starts);
    }

    [Fact]
    public async Task A_taker_that_finds_the_window_full_learns_when_the_next_slot_frees()
    {
        var slots = Slots();
        for (var i = 0; i < 99; i++)
        {
            await slots.TakeAsync(Gpd, "key-a", Ct);
        }

        Db.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.Zero, (await slots.TakeAsync(Gpd, "key-a", Ct)).Wait);
        Db.Time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3.25), (await slots.TakeAsync(Gpd, "key-a", Ct)).Wait);
        Db.Time.Advance(TimeSpan.FromSeconds(3.25));
        Assert.Equal(TimeSpan.Zero, (await slots.TakeAsync(Gpd, "key-a", Ct)).Wait);
    }

    [Fact]
    public async Task Keys_and_limits_keep_their_slots_apart()
    {
        var slots = Slots();
        var few = Gpd with { Calls = 1 };
        await slots.TakeAsync(few, "key-a", Ct);

        Assert.Equal(TimeSpan.Zero, (await slots.TakeAsync(few, "key-b", Ct)).Wait);
        Assert.Equal(TimeSpan.Zero, (await slots.TakeAsync(few with { Name = "other" }, "key-a", Ct)).Wait);
        Assert.Equal(Gpd.AfterStart, (await slots.TakeAsync(few, "key-a", Ct)).Wait);
    }

    [Fact]
    public async Task An_end_counted_slot_is_held_while_its_call_runs_and_frees_the_gap_after_the_recorded_end()
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
    public async Task Parallel_takers_of_an_end_counted_limit_get_one_slot_between_them()
    {
        var instances = new[] { Slots(), Slots() };

        var slots = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => instances[i % 2].TakeAsync(Fdr, "key-a", Ct).AsTask()));

        Assert.Single(slots, s => s.Taken);
        Assert.Equal(1L, Convert.ToInt64(await Db.ScalarAsync("""SELECT COUNT(*) FROM "UpstreamCallSlots" """), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_database_keeps_the_key_identity_and_forgets_slots_that_have_freed()
    {
        var slots = Slots();
        await slots.TakeAsync(Gpd, "key-0123456789ab", Ct);
        Db.Time.Advance(Gpd.AfterStart);

        await slots.TakeAsync(Gpd, "key-0123456789ab", Ct);

        Assert.Equal(1L, Convert.ToInt64(await Db.ScalarAsync("""SELECT COUNT(*) FROM "UpstreamCallSlots" """), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("key-0123456789ab", await Db.ScalarAsync("""SELECT "Key" FROM "UpstreamCallSlots" """));
    }
}

public sealed class UpstreamCallSlotsPostgreSqlTests : UpstreamCallSlotsTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;

    [Fact]
    public async Task Instances_whose_clocks_disagree_share_one_window_on_the_database_clock()
    {
        var limit = new CallLimit("gpd", 10, TimeSpan.FromSeconds(30));
        var early = Slots(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1)), databaseClock: true);
        var late = Slots(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1)), databaseClock: true);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, (await late.TakeAsync(limit, "key-a", Ct)).Wait);
        }

        var next = await early.TakeAsync(limit, "key-a", Ct);

        Assert.InRange(next.Wait, TimeSpan.FromSeconds(20), limit.AfterStart);
    }
}
