using InteropHub.Sandbox.Anpr;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>Latency and 5xx injected in front of the e-services.</summary>
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

    [Theory]
    [InlineData(-0.1, 503)]
    [InlineData(1.1, 503)]
    [InlineData(0.5, 502)]
    public void Fault_settings_outside_the_allowed_values_are_rejected(double ratio, int status) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnprFaults(TimeSpan.Zero, ratio, status));
}
