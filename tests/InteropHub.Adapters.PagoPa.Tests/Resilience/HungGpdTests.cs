using InteropHub.Adapters.PagoPa.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Sandbox.PagoPa;
using static InteropHub.Adapters.PagoPa.Tests.TestSupport.GatewayHost;

namespace InteropHub.Adapters.PagoPa.Tests.Resilience;

/// <summary>A GPD that never answers: the attempt and total timeouts end a payment's creation in a definite 503, on the shared fake clock.</summary>
public sealed class HungGpdTests : IDisposable
{
    private readonly GatewayHost _host = new(hubOnSandboxClock: true);

    [Fact]
    public async Task A_creation_on_a_hung_gpd_ends_in_503_within_the_attempt_and_total_timeouts()
    {
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.FromHours(1), 0);
        var started = _host.Time.GetUtcNow();

        var creating = _host.Gateway.CreateAsync(Tenant, Position("IUPD-HUNG", 1), Cancellation);
        for (var step = 0; step < 3000 && !creating.IsCompleted; step++)
        {
            _host.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(2, Cancellation);
        }

        var failed = await Assert.ThrowsAsync<HubProblemException>(() => creating.WaitAsync(TimeSpan.FromSeconds(30), Cancellation));
        Assert.Equal((503, ErrorCodes.UpstreamUnavailable), (failed.Status, failed.Code));

        // The create's attempt (10 s), then the lookup that must come before any resend, bounded by its total (30 s); the
        // clock runs on while the real HTTP between its steps goes, hence the slack. HttpClient's own 100 s never comes.
        Assert.Equal(["POST", "GET"], _host.Wire.Calls.Select(c => c.Method).Distinct());
        Assert.Equal("POST", _host.Wire.Calls[0].Method);
        Assert.Single(_host.Wire.Calls, c => c.Method == "POST");
        Assert.InRange(_host.Time.GetUtcNow() - started, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(60));
    }

    public void Dispose()
    {
        // The sandbox still holds the abandoned calls: let them end, or its server waits for them when it stops.
        _host.Time.Advance(TimeSpan.FromHours(1));
        _host.Dispose();
    }
}
