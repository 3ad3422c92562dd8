namespace InteropHub.Sandbox.Anpr;

/// <summary>Applies <see cref="AnprFaults"/> in front of the e-services: the latency on the sandbox clock, then maybe a 5xx.</summary>
internal sealed class FaultInjector(TimeProvider time)
{
    private volatile AnprFaults _faults = AnprFaults.None;

    public AnprFaults Faults
    {
        get => _faults;
        set => _faults = value;
    }

    /// <summary>Waits out the latency; returns the injected error, or null to go on. <paramref name="received"/> runs before the wait.</summary>
    public async Task<AnprAnswer?> DelayOrFailAsync(Action received, string transactionId, Func<AnprAnswer> anprFailure)
    {
        var faults = _faults;

        // The latency timer starts before the request is counted: a counted request already waits on the clock.
        var latency = faults.Latency > TimeSpan.Zero ? Task.Delay(faults.Latency, time) : Task.CompletedTask;
        received();
        await latency.ConfigureAwait(false);
        if (faults.ErrorRatio > 0 && Random.Shared.NextDouble() < faults.ErrorRatio)
        {
            return faults.ErrorStatus == 500 ? anprFailure() : GovWayProblems.GatewayError(transactionId);
        }

        return null;
    }
}
