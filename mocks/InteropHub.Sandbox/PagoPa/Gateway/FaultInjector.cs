namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>Applies <see cref="PagoPaFaults"/> to every pagoPA API: the latency on the sandbox clock, a 500 before the call, a lost response after a write.</summary>
internal sealed class FaultInjector(TimeProvider time)
{
    private readonly Lock _gate = new();
    private PagoPaFaults _faults = PagoPaFaults.None;
    private int _callsWithoutLatency;

    public PagoPaFaults Faults
    {
        get
        {
            lock (_gate)
            {
                return _faults;
            }
        }

        set
        {
            lock (_gate)
            {
                (_faults, _callsWithoutLatency) = (value, 0);
            }
        }
    }

    /// <summary>The injected latency, started now on the sandbox clock: start it before counting the call, so a counted call already waits.</summary>
    public Task StartLatency()
    {
        TimeSpan latency;
        lock (_gate)
        {
            if (_callsWithoutLatency < _faults.LatencyAfterCalls)
            {
                _callsWithoutLatency++;
                return Task.CompletedTask;
            }

            latency = _faults.Latency;
        }

        return latency > TimeSpan.Zero ? Task.Delay(latency, time) : Task.CompletedTask;
    }

    /// <summary>The hold of a write's answer, started now on the sandbox clock (before the write is applied).</summary>
    public Task HoldAfterWrite()
    {
        var hold = Faults.HoldAfterWrite;
        return hold > TimeSpan.Zero ? Task.Delay(hold, time) : Task.CompletedTask;
    }

    /// <summary>True when the call must fail with a 500 before anything is applied.</summary>
    public bool Fail() => Hit(Faults.ErrorRatio);

    /// <summary>How an applied write's response is lost, or null when it goes through.</summary>
    public LostResponseKind? LoseResponse()
    {
        var faults = Faults;
        return Hit(faults.LostResponseRatio) ? faults.LostResponse : null;
    }

    private static bool Hit(double ratio) => ratio > 0 && Random.Shared.NextDouble() < ratio;
}
