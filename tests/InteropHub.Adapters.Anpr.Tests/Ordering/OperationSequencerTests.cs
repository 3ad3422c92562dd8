using System.Collections.Concurrent;
using InteropHub.Adapters.Anpr.Ordering;
using InteropHub.Adapters.Anpr.Tests.TestSupport;

namespace InteropHub.Adapters.Anpr.Tests.Ordering;

/// <summary>A tenant's requests leave in idOperazioneClient order, whatever order they reach the last handler in.</summary>
public sealed class OperationSequencerTests
{
    private readonly OperationSequencer _sequencer = new(new SequentialOperationIds());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_higher_id_waits_until_the_lower_one_has_gone()
    {
        using var first = await _sequencer.NextAsync(FakeTenants.A, Ct);
        using var second = await _sequencer.NextAsync(FakeTenants.A, Ct);

        var secondGoes = second.WaitTurnAsync(Ct);
        Assert.False(secondGoes.IsCompleted);

        await first.WaitTurnAsync(Ct);
        first.Leave();
        await secondGoes.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(second.Id > first.Id);
    }

    [Fact]
    public async Task A_lower_id_given_up_before_going_lets_the_next_go()
    {
        var first = await _sequencer.NextAsync(FakeTenants.A, Ct);
        using var second = await _sequencer.NextAsync(FakeTenants.A, Ct);
        var secondGoes = second.WaitTurnAsync(Ct);
        Assert.False(secondGoes.IsCompleted);

        first.Dispose();

        await secondGoes.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Tenants_do_not_wait_for_each_other()
    {
        using var a = await _sequencer.NextAsync(FakeTenants.A, Ct);
        using var b = await _sequencer.NextAsync(FakeTenants.B, Ct);

        await b.WaitTurnAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Sixty_four_concurrent_callers_go_in_id_order_whatever_order_they_arrive_in()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => _sequencer.NextAsync(FakeTenants.A, Ct)));
        var gone = new ConcurrentQueue<long>();

        // Arrive at the gate in reverse, the worst order, each on its own task.
        var goes = tickets.OrderByDescending(t => t.Id).Select(t => Task.Run(async () =>
        {
            await t.WaitTurnAsync(Ct);
            gone.Enqueue(t.Id);
            t.Leave();
        }, Ct)).ToList();
        await Task.WhenAll(goes).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(tickets.Select(t => t.Id).Order(), gone);
        Assert.Equal(64, tickets.Select(t => t.Id).Distinct().Count());
        foreach (var ticket in tickets)
        {
            ticket.Dispose();
        }
    }
}
