using System.Globalization;
using InteropHub.Contracts.Registry;

namespace InteropHub.Core.Tests.Quotas;

public class QuotaLedgerTests : HubDatabaseTest
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private IQuotaLedger Ledger => Db.Get<IQuotaLedger>();

    private static QuotaKey Key(string service = "C020", DateOnly? day = null) => new(TestTenants.AId, service, day ?? Today);

    [Fact]
    public async Task Calls_are_counted_up_to_the_limit_and_refused_after()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(QuotaOutcome.Counted, await Ledger.TryConsumeAsync(Key(), 3, Ct));
        }

        Assert.Equal(QuotaOutcome.LimitReached, await Ledger.TryConsumeAsync(Key(), 3, Ct));
        Assert.Equal(3L, Convert.ToInt64(await Db.ScalarAsync("""SELECT "Count" FROM "QuotaCounters" """), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Concurrent_callers_never_push_the_day_past_its_limit()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Ledger.TryConsumeAsync(Key(), 25, Ct).AsTask()));

        Assert.Equal(25, outcomes.Count(o => o == QuotaOutcome.Counted));
        Assert.Equal(35, outcomes.Count(o => o == QuotaOutcome.LimitReached));
    }

    [Fact]
    public async Task An_exhausted_day_refuses_everything_until_the_next_day()
    {
        Assert.Equal(QuotaOutcome.Counted, await Ledger.TryConsumeAsync(Key(), 100, Ct));
        await Ledger.MarkExhaustedAsync(Key(), Ct);

        Assert.Equal(QuotaOutcome.Exhausted, await Ledger.TryConsumeAsync(Key(), 100, Ct));
        Assert.Equal(QuotaOutcome.Counted, await Ledger.TryConsumeAsync(Key(day: Today.AddDays(1)), 100, Ct));
    }

    [Fact]
    public async Task A_day_can_be_marked_exhausted_before_any_call()
    {
        await Ledger.MarkExhaustedAsync(Key(), Ct);
        Assert.Equal(QuotaOutcome.Exhausted, await Ledger.TryConsumeAsync(Key(), 100, Ct));
    }

    [Fact]
    public async Task Services_and_tenants_are_counted_apart()
    {
        Assert.Equal(QuotaOutcome.Counted, await Ledger.TryConsumeAsync(Key("C020"), 1, Ct));
        Assert.Equal(QuotaOutcome.Counted, await Ledger.TryConsumeAsync(Key("C030"), 1, Ct));
        Assert.Equal(QuotaOutcome.Counted, await Ledger.TryConsumeAsync(new QuotaKey(TestTenants.BId, "C020", Today), 1, Ct));
        Assert.Equal(QuotaOutcome.LimitReached, await Ledger.TryConsumeAsync(Key("C020"), 1, Ct));
    }

    [Fact]
    public async Task Counts_survive_a_new_connection_pool()
    {
        await Ledger.TryConsumeAsync(Key(), 2, Ct);
        await Ledger.TryConsumeAsync(Key(), 2, Ct);
        Db.ClearPools();

        Assert.Equal(QuotaOutcome.LimitReached, await Ledger.TryConsumeAsync(Key(), 2, Ct));
    }
}
