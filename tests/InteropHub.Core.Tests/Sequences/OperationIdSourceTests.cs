using InteropHub.Contracts.Registry;

namespace InteropHub.Core.Tests.Sequences;

public class OperationIdSourceTests : HubDatabaseTest
{
    private IOperationIdSource Ids => Db.Get<IOperationIdSource>();

    [Fact]
    public async Task Ids_start_at_the_clock_and_rise_by_one_within_the_same_millisecond()
    {
        var first = await Ids.NextAsync(TestTenants.AId, Ct);
        var second = await Ids.NextAsync(TestTenants.AId, Ct);

        Assert.Equal(HubTestDatabase.Start.ToUnixTimeMilliseconds(), first);
        Assert.Equal(first + 1, second);
    }

    [Fact]
    public async Task Ids_follow_the_clock_when_it_is_ahead()
    {
        await Ids.NextAsync(TestTenants.AId, Ct);
        Db.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(HubTestDatabase.Start.AddSeconds(10).ToUnixTimeMilliseconds(), await Ids.NextAsync(TestTenants.AId, Ct));
    }

    [Fact]
    public async Task Ids_keep_rising_when_the_clock_is_behind_the_last_id()
    {
        // As after a clock step backwards: the last id handed out is an hour ahead of the clock.
        var ahead = HubTestDatabase.Start.AddHours(1).ToUnixTimeMilliseconds();
        await Db.ExecuteSqlAsync($"""INSERT INTO "Sequences" ("Tenant", "Name", "Value") VALUES ('comune-a', 'anpr.idOperazioneClient', {ahead})""");

        Assert.Equal(ahead + 1, await Ids.NextAsync(TestTenants.AId, Ct));
    }

    [Fact]
    public async Task One_hundred_concurrent_callers_get_one_hundred_distinct_consecutive_ids()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Ids.NextAsync(TestTenants.AId, Ct).AsTask()));

        Assert.Equal(100, ids.Distinct().Count());
        Assert.Equal(ids.Min() + 99, ids.Max());
    }

    [Fact]
    public async Task Tenants_have_their_own_sequence()
    {
        var a1 = await Ids.NextAsync(TestTenants.AId, Ct);
        var b1 = await Ids.NextAsync(TestTenants.BId, Ct);
        var a2 = await Ids.NextAsync(TestTenants.AId, Ct);

        Assert.Equal(a1, b1);
        Assert.Equal(a1 + 1, a2);
    }

    [Fact]
    public async Task The_sequence_survives_a_new_connection_pool()
    {
        var before = await Ids.NextAsync(TestTenants.AId, Ct);
        Db.ClearPools();

        Assert.Equal(before + 1, await Ids.NextAsync(TestTenants.AId, Ct));
    }
}
