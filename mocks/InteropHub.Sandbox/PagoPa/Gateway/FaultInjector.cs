namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>Applies <see cref="PagoPaFaults"/> to every pagoPA API (or to the calls of some subscription keys only): the latency on the sandbox clock, a 500 before the call, a lost response after a write.</summary>
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
    public Task StartLatency(string key)
    {
        TimeSpan latency;
        lock (_gate)
        {
            if (_callsWithoutLatency < _faults.LatencyAfterCalls)
            {
                _callsWithoutLatency++;
                return Task.CompletedTask;
            }

            latency = For(_faults, key).Latency;
        }

        return latency > TimeSpan.Zero ? Task.Delay(latency, time) : Task.CompletedTask;
    }

    /// <summary>The hold of a write's answer, started now on the sandbox clock (before the write is applied).</summary>
    public Task HoldAfterWrite(string key)
    {
        var hold = Current(key).HoldAfterWrite;
        return hold > TimeSpan.Zero ? Task.Delay(hold, time) : Task.CompletedTask;
    }

    /// <summary>True when the call must fail with a 500 before anything is applied.</summary>
    public bool Fail(string key) => Hit(Current(key).ErrorRatio);

    /// <summary>How an applied write's response is lost, or null when it goes through.</summary>
    public LostResponseKind? LoseResponse(string key)
    {
        var faults = Current(key);
        return Hit(faults.LostResponseRatio) ? faults.LostResponse : null;
    }

    /// <summary>The faults that apply to a call made with subscription key <paramref name="key"/>.</summary>
    private PagoPaFaults Current(string key) => For(Faults, key);

    private static PagoPaFaults For(PagoPaFaults faults, string key) =>
        faults.OnlyKeys is { } keys && !keys.Contains(key) ? PagoPaFaults.None : faults;

    private static bool Hit(double ratio) => ratio > 0 && Random.Shared.NextDouble() < ratio;
}
