using InteropHub.Sandbox.PagoPa;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>Injected latency (fixed or drawn, from the first call or after a number of them), 429 bursts, 500s before anything is applied, and responses lost after an applied write.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_error_ratio_of_one_answers_500_and_stores_nothing()
    {
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 1);

        var (status, _, _) = await _host.Call(HttpMethod.Post, "debtpositions", Position("IUPD-1", "01000000000000001"));

        Assert.Equal(500, status);
        Assert.Empty(_host.PagoPa.Positions(Org));
    }

    [Fact]
    public async Task Faults_limited_to_some_keys_fail_only_their_calls()
    {
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 1) { OnlyKeys = new HashSet<string> { "comune-down-key" } };

        var (down, _, _) = await _host.Call(HttpMethod.Post, "debtpositions", Position("IUPD-1", "01000000000000001"), key: "comune-down-key");
        var (up, _, _) = await _host.Call(HttpMethod.Post, "debtpositions", Position("IUPD-2", "01000000000000002"));

        Assert.Equal((500, 201), (down, up));
        Assert.Equal("IUPD-2", Assert.Single(_host.PagoPa.Positions(Org)).Iupd);
    }

    [Fact]
    public async Task A_lost_response_answers_500_but_the_write_is_applied_and_a_retry_gets_409()
    {
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 0, lostResponseRatio: 1);
        var (lost, _, _) = await _host.Call(HttpMethod.Post, "debtpositions?toPublish=true", Position("IUPD-1", "01000000000000001"));
        _host.PagoPa.Faults = PagoPaFaults.None;

        var (retry, _, _) = await _host.Call(HttpMethod.Post, "debtpositions?toPublish=true", Position("IUPD-1", "01000000000000001"));

        Assert.Equal((500, 409), (lost, retry));
        Assert.Equal(GpdPositionStatus.Valid, Assert.Single(_host.PagoPa.Positions(Org)).Status);
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_client_after_the_write_is_applied()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"));
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 0, 1, LostResponseKind.ConnectionDrop);

        await Assert.ThrowsAnyAsync<Exception>(() => _host.Call(HttpMethod.Post, "debtpositions/IUPD-1/publish"));

        Assert.Equal(GpdPositionStatus.Valid, _host.PagoPa.Positions(Org)[0].Status);
    }

    [Fact]
    public async Task Reads_never_lose_their_response()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"));
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 0, 1);

        var (status, _, _) = await _host.Call(HttpMethod.Get, "debtpositions/IUPD-1");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Latency_holds_the_answer_until_the_sandbox_clock_has_moved_on()
    {
        var latency = TimeSpan.FromSeconds(30);
        _host.PagoPa.Faults = new PagoPaFaults(latency, 0);

        var pending = _host.Call(HttpMethod.Get, "debtpositions");
        Assert.True(SpinWait.SpinUntil(() => _host.PagoPa.RequestCount(Key) == 1, TimeSpan.FromSeconds(10)));
        Assert.False(pending.IsCompleted);
        _host.Time.Advance(latency);
        var (status, _, _) = await pending;

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Latency_after_calls_answers_the_first_calls_at_once_and_holds_the_next_until_faults_are_set_again()
    {
        var latency = TimeSpan.FromSeconds(30);
        _host.PagoPa.Faults = new PagoPaFaults(latency, 0) { LatencyAfterCalls = 2 };

        // Answers that must not wait are bounded in real time: a wrongly held one fails the test instead of hanging it.
        var (first, _, _) = await _host.Call(HttpMethod.Get, "debtpositions").WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        var (second, _, _) = await _host.Call(HttpMethod.Get, "debtpositions").WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        var third = _host.Call(HttpMethod.Get, "debtpositions");
        Assert.True(SpinWait.SpinUntil(() => _host.PagoPa.RequestCount(Key) == 3, TimeSpan.FromSeconds(10)));
        Assert.False(third.IsCompleted);
        _host.PagoPa.Faults = new PagoPaFaults(latency, 0) { LatencyAfterCalls = 1 };
        var (counted, _, _) = await _host.Call(HttpMethod.Get, "debtpositions").WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        _host.Time.Advance(latency);
        var (held, _, _) = await third;

        Assert.Equal((200, 200, 200, 200), (first, second, counted, held));
    }

    [Fact]
    public async Task A_drawn_latency_holds_the_answer_no_longer_than_the_maximum()
    {
        var most = TimeSpan.FromSeconds(2);
        _host.PagoPa.Faults = PagoPaFaults.None with { MaxLatency = most, Seed = 11 };

        var pending = _host.Call(HttpMethod.Get, "debtpositions");
        Assert.True(SpinWait.SpinUntil(() => _host.PagoPa.RequestCount(Key) == 1, TimeSpan.FromSeconds(10)));
        _host.Time.Advance(most);
        var (status, _, _) = await pending.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task A_latency_ratio_of_zero_delays_no_call()
    {
        _host.PagoPa.Faults = PagoPaFaults.None with { MaxLatency = TimeSpan.FromHours(1), LatencyRatio = 0 };

        var (status, _, _) = await _host.Call(HttpMethod.Get, "debtpositions").WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Bursts_answer_429_with_retry_after_before_anything_is_applied_and_count_against_the_limit()
    {
        _host.PagoPa.Faults = PagoPaFaults.None with { Bursts = new ThrottleBursts(period: 3, length: 2, TimeSpan.FromSeconds(2)) };

        var answers = new List<(int Status, string? RetryAfter)>();
        for (var i = 1; i <= 6; i++)
        {
            var (status, _, response) = await _host.Call(HttpMethod.Post, "debtpositions", Position($"IUPD-{i}", $"0100000000000000{i}"));
            answers.Add((status, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal([(201, null), (429, "2"), (429, "2"), (201, null), (429, "2"), (429, "2")], answers);
        Assert.Equal(["IUPD-1", "IUPD-4"], _host.PagoPa.Positions(Org).Select(p => p.Iupd));
        Assert.Equal(6, _host.PagoPa.RequestCount(Key));
    }

    [Fact]
    public async Task Bursts_limited_to_some_keys_count_only_those_keys_calls()
    {
        _host.PagoPa.Faults = PagoPaFaults.None with { Bursts = new ThrottleBursts(2, 1, TimeSpan.FromSeconds(1)), OnlyKeys = new HashSet<string> { "busy-key" } };

        var statuses = new List<int>();
        foreach (var key in new[] { "busy-key", Key, Key, "busy-key" })
        {
            statuses.Add((await _host.Call(HttpMethod.Get, "debtpositions", key: key)).Status);
        }

        Assert.Equal([200, 200, 200, 429], statuses);
    }

    [Fact]
    public void A_negative_call_count_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PagoPaFaults.None with { LatencyAfterCalls = -1 });

    [Fact]
    public async Task A_held_write_is_applied_at_once_and_answered_only_when_the_hold_has_passed()
    {
        var hold = TimeSpan.FromMinutes(2);
        _host.PagoPa.Faults = PagoPaFaults.None with { HoldAfterWrite = hold };

        var pending = _host.Call(HttpMethod.Post, "debtpositions?toPublish=true", Position("IUPD-1", "01000000000000001"));
        Assert.True(SpinWait.SpinUntil(() => _host.PagoPa.Positions(Org).Count == 1, TimeSpan.FromSeconds(10)));
        _host.Time.Advance(hold - TimeSpan.FromSeconds(1));
        Assert.False(pending.IsCompleted);
        Assert.Equal(GpdPositionStatus.Valid, _host.PagoPa.Positions(Org)[0].Status);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var (status, _, _) = await pending;

        Assert.Equal(201, status);
    }

    [Fact]
    public async Task A_hold_delays_neither_reads_nor_refused_writes()
    {
        _host.PagoPa.Faults = PagoPaFaults.None with { HoldAfterWrite = TimeSpan.FromMinutes(2) };

        var (read, _, _) = await _host.Call(HttpMethod.Get, "debtpositions/IUPD-1");
        var (refused, _, _) = await _host.Call(HttpMethod.Post, "debtpositions", Position("IUPD-1", "01000000000000001", amount: 0));

        Assert.Equal((404, 400), (read, refused));
    }

    [Fact]
    public void A_negative_hold_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PagoPaFaults.None with { HoldAfterWrite = TimeSpan.FromSeconds(-1) });
}
