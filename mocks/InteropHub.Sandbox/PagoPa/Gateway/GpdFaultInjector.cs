namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>Applies <see cref="PagoPaFaults"/>: the latency on the sandbox clock, a 500 before the call, a lost response after a write.</summary>
internal sealed class GpdFaultInjector(TimeProvider time)
{
    private volatile PagoPaFaults _faults = PagoPaFaults.None;

    public PagoPaFaults Faults
    {
        get => _faults;
        set => _faults = value;
    }

    /// <summary>Waits out the latency; true when the call must fail before anything is applied.</summary>
    public async Task<bool> DelayThenFailAsync()
    {
        var faults = _faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, time).ConfigureAwait(false);
        }

        return Hit(faults.ErrorRatio);
    }

    /// <summary>How an applied write's response is lost, or null when it goes through.</summary>
    public LostResponseKind? LoseResponse()
    {
        var faults = _faults;
        return Hit(faults.LostResponseRatio) ? faults.LostResponse : null;
    }

    private static bool Hit(double ratio) => ratio > 0 && Random.Shared.NextDouble() < ratio;
}
