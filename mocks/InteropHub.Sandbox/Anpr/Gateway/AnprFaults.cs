namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// Faults injected in front of every ANPR e-service: a latency before each answer (fixed, or drawn up to a maximum for
/// a share of requests), runs of GovWay's 429 <c>TooManyRequests</c> (its limit of simultaneous requests, retryable,
/// with <c>Retry-After</c>), and a ratio of 5xx answers, either ANPR's 500 <c>999 "Operazione non effettuabile"</c> or
/// the outer gateway's 503 <c>GatewayError</c>. With a <see cref="Seed"/> the random draws repeat from one run to the next.
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

    /// <summary>The latency of a delayed request, or the least of it when <see cref="MaxLatency"/> is above it.</summary>
    public TimeSpan Latency { get; }

    /// <summary>When above <see cref="Latency"/>, a delayed request waits a duration drawn uniformly between the two.</summary>
    public TimeSpan MaxLatency
    {
        get => field < Latency ? Latency : field;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>The share of requests delayed, from 0 to 1 (all by default).</summary>
    public double LatencyRatio
    {
        get;
        init => field = FaultDraws.Ratio(value, nameof(LatencyRatio));
    } = 1;

    /// <summary>The share of requests answered with <see cref="ErrorStatus"/>, from 0 (never) to 1 (always).</summary>
    public double ErrorRatio { get; }

    public int ErrorStatus { get; }

    /// <summary>Runs of 429 <c>TooManyRequests</c> with <c>Retry-After</c>, counted over the requests; none when null.</summary>
    public ThrottleBursts? Bursts { get; init; }

    /// <summary>Seeds the draws (errors, latencies) so that they repeat; null draws differently each time.</summary>
    public int? Seed { get; init; }
}
