namespace InteropHub.Sandbox.PagoPa;

/// <summary>How a response is lost after its write was applied.</summary>
public enum LostResponseKind
{
    /// <summary>The client gets a 500 although the write is stored.</summary>
    ServerError,

    /// <summary>The connection closes without an answer although the write is stored.</summary>
    ConnectionDrop,
}

/// <summary>
/// Faults injected in front of every pagoPA API: a latency before each answer (fixed, or drawn up to a maximum for a
/// share of calls; optionally only after a number of calls), runs of 429s from APIM, a ratio of 500 answers before
/// anything is applied, a ratio of successful writes whose response is lost (the write stays applied), and a hold of
/// every applied write's answer (to stop a client while GPD has written but not yet answered). With a
/// <see cref="Seed"/> the random draws repeat from one run to the next.
/// </summary>
public sealed record PagoPaFaults
{
    public static readonly PagoPaFaults None = new(TimeSpan.Zero, 0);

    public PagoPaFaults(TimeSpan latency, double errorRatio, double lostResponseRatio = 0, LostResponseKind lostResponse = LostResponseKind.ServerError)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        Latency = latency;
        ErrorRatio = FaultDraws.Ratio(errorRatio, nameof(errorRatio));
        LostResponseRatio = FaultDraws.Ratio(lostResponseRatio, nameof(lostResponseRatio));
        LostResponse = lostResponse;
    }

    /// <summary>The latency of a delayed call, or the least of it when <see cref="MaxLatency"/> is above it.</summary>
    public TimeSpan Latency { get; }

    /// <summary>When above <see cref="Latency"/>, a delayed call waits a duration drawn uniformly between the two.</summary>
    public TimeSpan MaxLatency
    {
        get => field < Latency ? Latency : field;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>The share of calls delayed, from 0 to 1 (all by default).</summary>
    public double LatencyRatio
    {
        get;
        init => field = FaultDraws.Ratio(value, nameof(LatencyRatio));
    } = 1;

    /// <summary>Runs of 429 answers with <c>Retry-After</c>, counted over the calls these faults hit; none when null.</summary>
    public ThrottleBursts? Bursts { get; init; }

    /// <summary>Seeds the draws (errors, lost responses, latencies) so that they repeat; null draws differently each time.</summary>
    public int? Seed { get; init; }

    /// <summary>
    /// How many calls, counted from when these faults are set, are answered without <see cref="Latency"/>: a test can
    /// let a client through its first calls and stop it, waiting, at the next one.
    /// </summary>
    public int LatencyAfterCalls
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    /// <summary>The share of calls answered 500 without touching any position, from 0 to 1.</summary>
    public double ErrorRatio { get; }

    /// <summary>The share of successful writes (POST, PUT, DELETE) applied but answered as <see cref="LostResponse"/>.</summary>
    public double LostResponseRatio { get; }

    public LostResponseKind LostResponse { get; }

    /// <summary>How long the answer of an applied write (POST, PUT, DELETE) is held on the sandbox clock before it is sent.</summary>
    public TimeSpan HoldAfterWrite
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>
    /// When set, the faults hit only calls made with these subscription keys (one comune's key revoked or its traffic
    /// failing) and every other key is served normally; null hits every call.
    /// </summary>
    public IReadOnlySet<string>? OnlyKeys { get; init; }
}
