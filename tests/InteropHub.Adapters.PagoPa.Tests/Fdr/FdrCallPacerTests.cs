using InteropHub.Adapters.PagoPa.Configuration;
using InteropHub.Adapters.PagoPa.Fdr;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static InteropHub.Adapters.PagoPa.Tests.Fdr.ScriptedPagoPa;

namespace InteropHub.Adapters.PagoPa.Tests.Fdr;

/// <summary>FdR's ~1 call per second per key, kept on the hub's side, on a fake clock.</summary>
public sealed class FdrCallPacerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_second_call_with_the_same_key_waits_a_full_interval()
    {
        var pacer = Pacer(callsPerSecond: 1);
        await pacer.AcquireAsync("key-a", Cancellation);

        var second = pacer.AcquireAsync("key-a", Cancellation);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
    }

    [Fact]
    public async Task Waiting_callers_are_let_through_one_interval_apart_in_arrival_order()
    {
        var pacer = Pacer(callsPerSecond: 2);
        var calls = Enumerable.Range(0, 3).Select(_ => pacer.AcquireAsync("key-a", Cancellation)).ToList();

        Assert.Equal([true, false, false], calls.Select(c => c.IsCompleted));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await calls[1].WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        Assert.False(calls[2].IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await calls[2].WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
    }

    [Fact]
    public async Task Keys_are_paced_apart_and_an_idle_key_goes_at_once()
    {
        var pacer = Pacer(callsPerSecond: 1);
        await pacer.AcquireAsync("key-a", Cancellation);

        Assert.True(pacer.AcquireAsync("key-b", Cancellation).IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(pacer.AcquireAsync("key-a", Cancellation).IsCompleted);
    }

    [Fact]
    public async Task The_fdr_client_paces_its_calls_and_the_default_is_one_per_second()
    {
        using var pagoPa = new ScriptedPagoPa(autoAdvance: TimeSpan.Zero);
        pagoPa.Answer(FdrBase + "/organizations/" + Bari + "/fdrs", 200, """{"metadata":{"pageSize":1000,"pageNumber":1,"totPage":0},"count":0,"data":[]}""");
        var after = new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero);
        await pagoPa.Flows.ListAsync(BariTenant, after, 1, Cancellation);

        var second = pagoPa.Flows.ListAsync(BariTenant, after, 1, Cancellation);
        Assert.Single(pagoPa.Wire.Calls);
        Assert.False(second.IsCompleted);
        pagoPa.Time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

        Assert.Equal(2, pagoPa.Wire.Calls.Count);
    }

    [Fact]
    public void The_interval_follows_the_configured_rate()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), Pacer(callsPerSecond: 4).Interval);
        Assert.Equal(TimeSpan.FromSeconds(1), Pacer(new PagoPaOptions().FdrCallsPerSecond).Interval);
    }

    private FdrCallPacer Pacer(double callsPerSecond) => new(_time, Options.Create(new PagoPaOptions { FdrCallsPerSecond = callsPerSecond }));
}
