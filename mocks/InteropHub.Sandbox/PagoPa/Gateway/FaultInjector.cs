namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>Applies <see cref="PagoPaFaults"/> to every pagoPA API: the latency on the sandbox clock, a 500 before the call, a lost response after a write.</summary>
internal sealed class FaultInjector(TimeProvider time)
{
    private volatile PagoPaFaults _faults = PagoPaFaults.None;

    public PagoPaFaults Faults
    {
        get => _faults;
        set => _faults = value;
    }

    /// <summary>The injected latency, started now on the sandbox clock: start it before counting the call, so a counted call already waits.</summary>
    public Task StartLatency()
    {
        var latency = _faults.Latency;
        return latency > TimeSpan.Zero ? Task.Delay(latency, time) : Task.CompletedTask;
    }

    /// <summary>The hold of a write's answer, started now on the sandbox clock (before the write is applied).</summary>
    public Task HoldAfterWrite()
    {
        var hold = _faults.HoldAfterWrite;
        return hold > TimeSpan.Zero ? Task.Delay(hold, time) : Task.CompletedTask;
    }

    /// <summary>True when the call must fail with a 500 before anything is applied.</summary>
    public bool Fail() => Hit(_faults.ErrorRatio);

    /// <summary>How an applied write's response is lost, or null when it goes through.</summary>
    public LostResponseKind? LoseResponse()
    {
        var faults = _faults;
        return Hit(faults.LostResponseRatio) ? faults.LostResponse : null;
    }

    private static bool Hit(double ratio) => ratio > 0 && Random.Shared.NextDouble() < ratio;
}
