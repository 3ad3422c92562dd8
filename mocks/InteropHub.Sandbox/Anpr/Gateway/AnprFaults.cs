namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// Faults injected in front of every ANPR e-service: a latency before each answer and a ratio of 5xx answers, either
/// ANPR's 500 <c>999 "Operazione non effettuabile"</c> or the outer gateway's 503 <c>GatewayError</c>.
/// </summary>
public sealed record AnprFaults
{
    public static readonly AnprFaults None = new(TimeSpan.Zero, 0);

    public AnprFaults(TimeSpan latency, double errorRatio, int errorStatus = 503)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        if (errorRatio is < 0 or > 1 || double.IsNaN(errorRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(errorRatio), errorRatio, "The error ratio is between 0 and 1.");
        }

        if (errorStatus is not (500 or 503))
        {
            throw new ArgumentOutOfRangeException(nameof(errorStatus), errorStatus, "The error status is 500 (ANPR) or 503 (gateway).");
        }

        Latency = latency;
        ErrorRatio = errorRatio;
        ErrorStatus = errorStatus;
    }

    public TimeSpan Latency { get; }

    /// <summary>The share of requests answered with <see cref="ErrorStatus"/>, from 0 (never) to 1 (always).</summary>
    public double ErrorRatio { get; }

    public int ErrorStatus { get; }
}
