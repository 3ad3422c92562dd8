using static InteropHub.Adapters.PagoPa.Tests.Fdr.ScriptedPagoPa;

namespace InteropHub.Adapters.PagoPa.Tests.Fdr;

/// <summary>The FdR client paces its calls per key from the end of the previous call, on the hub's clock.</summary>
public sealed class FdrPacingTests : IDisposable
{
    private const string EmptyList = """{"metadata":{"pageSize":1000,"pageNumber":1,"totPage":0},"count":0,"data":[]}""";
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(1.1);
    private static readonly DateTimeOffset After = new(2026, 2, 20, 0, 0, 0, TimeSpan.Zero);
    private readonly ScriptedPagoPa _pagoPa = new(fdrCallGap: Gap);

    [Fact]
    public async Task The_next_call_with_a_key_leaves_only_the_gap_after_the_previous_one_ended()
    {
        _pagoPa.Answer(FdrBase + "/organizations/" + Bari + "/fdrs", 200, EmptyList);
        await _pagoPa.Flows.ListAsync(BariTenant, After, 1, Cancellation);

        var second = _pagoPa.Flows.ListAsync(BariTenant, After, 1, Cancellation);
        _pagoPa.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(_pagoPa.Wire.Calls);
        _pagoPa.Time.Advance(Gap - TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1));
        Assert.Single(_pagoPa.Wire.Calls);
        _pagoPa.Time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

        Assert.Equal(2, _pagoPa.Wire.Calls.Count);
    }

    [Fact]
    public async Task Another_key_is_not_held_by_the_first()
    {
        _pagoPa.Answer(FdrBase + "/organizations/" + Bari + "/fdrs", 200, EmptyList);
        _pagoPa.Answer(FdrBase + "/organizations/" + Lecce + "/fdrs", 200, EmptyList);
        await _pagoPa.Flows.ListAsync(BariTenant, After, 1, Cancellation);

        await _pagoPa.Flows.ListAsync(LecceTenant, After, 1, Cancellation).WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

        Assert.Equal([BariFdrKey, LecceGpdKey], _pagoPa.Keys(FdrBase));
    }

    public void Dispose() => _pagoPa.Dispose();
}
