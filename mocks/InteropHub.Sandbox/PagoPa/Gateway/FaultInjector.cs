namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>
/// Applies <see cref="PagoPaFaults"/> to every pagoPA API (or to the calls of some subscription keys only): the latency
/// on the sandbox clock, a 429 in a burst, a 500 before the call, a lost response after a write. Setting faults starts
/// their counts and draws afresh.
/// </summary>
internal sealed class FaultInjector(TimeProvider time)
{
    private readonly Lock _gate = new();
    private PagoPaFaults _faults = PagoPaFaults.None;
    private FaultDraws _draws = new(null);
    private int _callsWithoutLatency;
    private long _burstCalls;

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
                (_faults, _draws, _callsWithoutLatency, _burstCalls) = (value, new FaultDraws(value.Seed), 0, 0);
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

            var faults = For(_faults, key);
            latency = _draws.Latency(faults.Latency, faults.MaxLatency, faults.LatencyRatio);
        }

        return latency > TimeSpan.Zero ? Task.Delay(latency, time) : Task.CompletedTask;
    }

    /// <summary>The <c>Retry-After</c> of a 429 when the call falls in a burst, else null.</summary>
    public TimeSpan? Throttle(string key)
    {
        lock (_gate)
        {
            return For(_faults, key).Bursts is { } bursts && bursts.Refuses(++_burstCalls) ? bursts.RetryAfter : null;
        }
    }

    /// <summary>The hold of a write's answer, started now on the sandbox clock (before the write is applied).</summary>
    public Task HoldAfterWrite(string key)
    {
        var hold = Current(key).HoldAfterWrite;
        return hold > TimeSpan.Zero ? Task.Delay(hold, time) : Task.CompletedTask;
    }

    /// <summary>True when the call must fail with a 500 before anything is applied.</summary>
    public bool Fail(string key) => Draws.Hit(Current(key).ErrorRatio);

    /// <summary>How an applied write's response is lost, or null when it goes through.</summary>
    public LostResponseKind? LoseResponse(string key)
    {
        var faults = Current(key);
        return Draws.Hit(faults.LostResponseRatio) ? faults.LostResponse : null;
    }

    private FaultDraws Draws
    {
        get
        {
            lock (_gate)
            {
                return _draws;
            }
        }
    }

    /// <summary>The faults that apply to a call made with subscription key <paramref name="key"/>.</summary>
    private PagoPaFaults Current(string key) => For(Faults, key);

    private static PagoPaFaults For(PagoPaFaults faults, string key) =>
        faults.OnlyKeys is { } keys && !keys.Contains(key) ? PagoPaFaults.None : faults;
}
