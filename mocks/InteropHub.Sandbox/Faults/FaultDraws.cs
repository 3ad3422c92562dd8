namespace InteropHub.Sandbox;

/// <summary>
/// The random draws of injected faults (which call fails, how long one waits), from one seeded source when a seed is
/// given: the same settings and the same sequence of calls give the same faults.
/// </summary>
internal sealed class FaultDraws(int? seed)
{
    private readonly Lock _lock = new();
    private readonly Random _random = seed is { } value ? new Random(value) : new Random();

    /// <summary>True with probability <paramref name="ratio"/>; a ratio of 0 draws nothing.</summary>
    public bool Hit(double ratio)
    {
        if (ratio <= 0)
        {
            return false;
        }

        lock (_lock)
        {
            return _random.NextDouble() < ratio;
        }
    }

    /// <summary>
    /// The latency of one call: with probability <paramref name="ratio"/>, a duration drawn uniformly between
    /// <paramref name="least"/> and <paramref name="most"/>; otherwise none.
    /// </summary>
    public TimeSpan Latency(TimeSpan least, TimeSpan most, double ratio)
    {
        if (most <= TimeSpan.Zero || !Hit(ratio))
        {
            return TimeSpan.Zero;
        }

        if (most <= least)
        {
            return least;
        }

        lock (_lock)
        {
            return least + ((most - least) * _random.NextDouble());
        }
    }

    /// <summary>Checks a ratio setting: from 0 to 1.</summary>
    public static double Ratio(double value, string name) =>
        value is < 0 or > 1 || double.IsNaN(value)
            ? throw new ArgumentOutOfRangeException(name, value, "A ratio is between 0 and 1.")
            : value;
}
