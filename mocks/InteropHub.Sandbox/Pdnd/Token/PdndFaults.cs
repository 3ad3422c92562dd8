namespace InteropHub.Sandbox.Pdnd;

/// <summary>Faults injected into the token endpoint: a latency before every answer and a ratio of 500s.</summary>
public sealed record PdndFaults
{
    public static readonly PdndFaults None = new(TimeSpan.Zero, 0);

    public PdndFaults(TimeSpan latency, double errorRatio)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        if (errorRatio is < 0 or > 1 || double.IsNaN(errorRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(errorRatio), errorRatio, "The error ratio is between 0 and 1.");
        }

        Latency = latency;
        ErrorRatio = errorRatio;
    }

    public TimeSpan Latency { get; }

    /// <summary>The share of token requests answered 500, from 0 (never) to 1 (always).</summary>
    public double ErrorRatio { get; }
}
