using System.ComponentModel.DataAnnotations;

namespace InteropHub.Contracts.Adapters;

/// <summary>
/// Timeouts, retries and circuit breaker of an adapter's upstream clients (<c>Adapters:&lt;Name&gt;:Resilience</c>),
/// tuned for a municipal hub's low volumes. Each adapter applies them to its own pipelines and decides which calls
/// are safe to retry.
/// </summary>
public sealed class UpstreamResilienceOptions
{
    /// <summary>Timeout of one attempt. Default 00:00:10.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of a whole call, retries included; at least <see cref="AttemptTimeout"/>. Default 00:00:30.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (0–10), only of calls the adapter knows are safe to repeat. Default 2.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>Base delay of the exponential, jittered back-off (0 to 1 minute). Default 00:00:01.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Failure ratio (0.01–1) within <see cref="SamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls within <see cref="SamplingDuration"/> before the circuit can open (the standard 100 never trips here). Default 5.</summary>
    [Range(2, int.MaxValue)]
    public int MinimumThroughput { get; set; } = 5;

    /// <summary>Window the breaker samples; at least twice <see cref="AttemptTimeout"/>. Default 00:01:00.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the circuit stays open. Default 00:00:30.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rules across fields, each message starting with <paramref name="path"/> (e.g. <c>Resilience</c>).</summary>
    public IEnumerable<string> Validate(string path)
    {
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            yield return $"{path}:{nameof(AttemptTimeout)}: must be greater than zero.";
        }

        if (TotalTimeout < AttemptTimeout)
        {
            yield return $"{path}:{nameof(AttemptTimeout)}: must not exceed {nameof(TotalTimeout)} ({TotalTimeout}).";
        }

        if (SamplingDuration < 2 * AttemptTimeout)
        {
            yield return $"{path}:{nameof(SamplingDuration)}: must be at least twice {nameof(AttemptTimeout)} ({2 * AttemptTimeout}).";
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"{path}:{nameof(BreakDuration)}: must be at least 00:00:00.5.";
        }
    }
}
