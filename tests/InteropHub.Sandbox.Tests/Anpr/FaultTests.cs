using InteropHub.Sandbox.Anpr;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>Latency (fixed or drawn), GovWay 429 bursts and 5xx injected in front of the e-services.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly AnprHost _host = new();

    private AnprSandbox Anpr => _host.Anpr;

    private string FiscalCode => Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0].FiscalCode;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Error_ratio_of_one_with_503_answers_the_outer_gateway_error()
    {
        Anpr.Faults = new AnprFaults(TimeSpan.Zero, 1);

        var (status, body) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode));

        Assert.Equal(503, status);
        Assert.Equal(("GatewayError", "0x00d30003"), (Text(body, "title"), Text(body, "Error Code")));
        Assert.Equal(1, Anpr.Requests("C030").Faulted);
    }

    [Fact]
    public async Task Error_ratio_of_one_with_500_answers_anpr_999()
    {
        Anpr.Faults = new AnprFaults(TimeSpan.Zero, 1, 500);

        var (status, body) = await _host.Call("C020", AnprHost.ByFiscalCode("C020", FiscalCode));

        Assert.Equal(500, status);
        Assert.Equal([("999", "E", "Operazione non effettuabile")], Entries(body));
    }

    [Fact]
    public async Task Faults_hit_the_status_endpoint_too_and_clearing_them_restores_it()
    {
        Anpr.Faults = new AnprFaults(TimeSpan.Zero, 1);
        using var failing = await _host.Status("C001", consumer: "client-a");
        Anpr.Faults = AnprFaults.None;
        using var healthy = await _host.Status("C001", consumer: "client-a");

        Assert.Equal(503, (int)failing.StatusCode);
        Assert.Equal(200, (int)healthy.StatusCode);
    }

    [Fact]
    public async Task Latency_holds_the_answer_until_the_sandbox_clock_has_moved_on()
    {
        var latency = TimeSpan.FromSeconds(20);
        Anpr.Faults = new AnprFaults(latency, 0);

        var pending = _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode, "slow-1"));
        Assert.True(SpinWait.SpinUntil(() => Anpr.OperationRequests("slow-1") == 1, TimeSpan.FromSeconds(10)));
        Assert.False(pending.IsCompleted);
        _host.Time.Advance(latency);
        var (status, _) = await pending;

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task A_burst_answers_govways_retryable_429_TooManyRequests_with_retry_after_and_uses_no_quota()
    {
        Anpr.SetDailyQuota("C030", 1);
        Anpr.Faults = AnprFaults.None with { Bursts = new ThrottleBursts(period: 2, length: 1, TimeSpan.FromSeconds(2)) };

        using var passed = await _host.Post("C030", AnprHost.ByFiscalCode("C030", FiscalCode), consumer: "client-a");
        using var throttled = await _host.Post("C030", AnprHost.ByFiscalCode("C030", FiscalCode), consumer: "client-a");
        using var overQuota = await _host.Post("C030", AnprHost.ByFiscalCode("C030", FiscalCode), consumer: "client-a");

        Assert.Equal((200, 429, 429), ((int)passed.StatusCode, (int)throttled.StatusCode, (int)overQuota.StatusCode));
        Assert.Equal("TooManyRequests", Text(await AnprHost.Json(throttled), "title"));
        Assert.Equal(["TooManyRequests"], throttled.Headers.GetValues("GovWay-Transaction-ErrorType"));
        Assert.Equal(TimeSpan.FromSeconds(2), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(["LimitExceeded"], overQuota.Headers.GetValues("GovWay-Transaction-ErrorType"));
        Assert.Contains(new AnprQuotaUsage("client-a", "C030", 1), Anpr.QuotaUsage());
        Assert.Equal((3, 1, 1, 0), (Anpr.Requests("C030").Requests, Anpr.Requests("C030").Throttled, Anpr.Requests("C030").QuotaExceeded, Anpr.Requests("C030").Faulted));
    }

    [Fact]
    public async Task A_drawn_latency_holds_the_answer_no_longer_than_the_maximum()
    {
        var most = TimeSpan.FromSeconds(2);
        Anpr.Faults = AnprFaults.None with { MaxLatency = most, Seed = 5 };

        var pending = _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode, "drawn-1"));
        Assert.True(SpinWait.SpinUntil(() => Anpr.OperationRequests("drawn-1") == 1, TimeSpan.FromSeconds(10)));
        _host.Time.Advance(most);
        var (status, _) = await pending.WaitAsync(TimeSpan.FromSeconds(10), AnprHost.Cancellation);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task A_latency_ratio_of_zero_delays_no_request()
    {
        Anpr.Faults = AnprFaults.None with { MaxLatency = TimeSpan.FromHours(1), LatencyRatio = 0 };

        var (status, _) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode)).WaitAsync(TimeSpan.FromSeconds(10), AnprHost.Cancellation);

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData(-0.1, 503)]
    [InlineData(1.1, 503)]
    [InlineData(0.5, 502)]
    public void Fault_settings_outside_the_allowed_values_are_rejected(double ratio, int status) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnprFaults(TimeSpan.Zero, ratio, status));
}
