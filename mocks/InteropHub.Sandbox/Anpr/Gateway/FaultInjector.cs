namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// Applies <see cref="AnprFaults"/> in front of the e-services: a 429 in a burst at once, else the latency on the
/// sandbox clock, then maybe a 5xx. Setting faults starts their counts and draws afresh.
/// </summary>
internal sealed class FaultInjector(TimeProvider time)
{
    private readonly Lock _lock = new();
    private AnprFaults _faults = AnprFaults.None;
    private FaultDraws _draws = new(null);
    private long _calls;

    public AnprFaults Faults
    {
        get
        {
            lock (_lock)
            {
                return _faults;
            }
        }

        set
        {
            lock (_lock)
            {
                (_faults, _draws, _calls) = (value, new FaultDraws(value.Seed), 0);
            }
        }
    }

    /// <summary>Waits out the latency; returns the injected error, or null to go on. <paramref name="received"/> runs before the wait.</summary>
    public async Task<AnprAnswer?> DelayOrFailAsync(Action received, string transactionId, Func<AnprAnswer> anprFailure)
    {
        AnprFaults faults;
        FaultDraws draws;
        TimeSpan? throttled;
        TimeSpan latency;
        lock (_lock)
        {
            (faults, draws) = (_faults, _draws);
            throttled = faults.Bursts is { } bursts && bursts.Refuses(++_calls) ? bursts.RetryAfter : null;
            latency = throttled is null ? draws.Latency(faults.Latency, faults.MaxLatency, faults.LatencyRatio) : TimeSpan.Zero;
        }

        // The latency timer starts before the request is counted: a counted request already waits on the clock.
        var delay = latency > TimeSpan.Zero ? Task.Delay(latency, time) : Task.CompletedTask;
        received();
        if (throttled is { } retryAfter)
        {
            return GovWayProblems.TooManyRequests(transactionId, retryAfter);
        }

        await delay.ConfigureAwait(false);
        if (draws.Hit(faults.ErrorRatio))
        {
            return faults.ErrorStatus == 500 ? anprFailure() : GovWayProblems.GatewayError(transactionId);
        }

        return null;
    }
}
