using InteropHub.Sandbox.Pdnd;

namespace InteropHub.Sandbox.Tests.Pdnd;

/// <summary>Latency and 500s injected into the token endpoint.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly PdndWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Error_ratio_of_one_answers_every_token_request_with_pdnd_500()
    {
        _world.Pdnd.Faults = new PdndFaults(TimeSpan.Zero, 1);

        using var response = await _world.PostToken(_world.Assertion(_world.Claims()));

        Assert.Equal(500, (int)response.StatusCode);
        var error = Assert.Single((await PdndWorld.Json(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal("015-0000", error.GetProperty("code").GetString());
        Assert.Equal(new PdndTokenRequestCounts(1, 0, 0, 0, 1), _world.Pdnd.TokenRequests(_world.ClientId));
    }

    [Fact]
    public async Task Clearing_the_faults_restores_vouchers()
    {
        _world.Pdnd.Faults = new PdndFaults(TimeSpan.Zero, 1);
        _world.Pdnd.Faults = PdndFaults.None;

        await _world.Voucher(_world.Assertion(_world.Claims()));
    }

    [Fact]
    public async Task Latency_holds_the_answer_until_the_sandbox_clock_has_moved_on()
    {
        var latency = TimeSpan.FromSeconds(30);
        _world.Pdnd.Faults = new PdndFaults(latency, 0);
        var assertion = _world.Assertion(_world.Claims());

        var pending = _world.PostToken(assertion);
        Assert.True(SpinWait.SpinUntil(() => _world.Pdnd.TokenRequests(_world.ClientId).Requests == 1, TimeSpan.FromSeconds(10)));
        Assert.False(pending.IsCompleted);
        _world.Time.Advance(latency);
        using var response = await pending;

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Error_ratio_outside_zero_to_one_is_rejected(double ratio) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PdndFaults(TimeSpan.Zero, ratio));
}
