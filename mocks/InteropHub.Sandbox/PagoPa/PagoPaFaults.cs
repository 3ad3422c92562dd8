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
/// Faults injected in front of every pagoPA API: a latency before each answer (optionally only after a number of
/// calls), a ratio of 500 answers before anything is applied, a ratio of successful writes whose response is lost
/// (the write stays applied), and a hold of every applied write's answer (to stop a client while GPD has written but
/// not yet answered).
/// </summary>
public sealed record PagoPaFaults
{
    public static readonly PagoPaFaults None = new(TimeSpan.Zero, 0);

    public PagoPaFaults(TimeSpan latency, double errorRatio, double lostResponseRatio = 0, LostResponseKind lostResponse = LostResponseKind.ServerError)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        Latency = latency;
        ErrorRatio = Ratio(errorRatio, nameof(errorRatio));
        LostResponseRatio = Ratio(lostResponseRatio, nameof(lostResponseRatio));
        LostResponse = lostResponse;
    }

    public TimeSpan Latency { get; }

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

    private static double Ratio(double value, string name) =>
        value is < 0 or > 1 || double.IsNaN(value)
            ? throw new ArgumentOutOfRangeException(name, value, "A ratio is between 0 and 1.")
            : value;
}
