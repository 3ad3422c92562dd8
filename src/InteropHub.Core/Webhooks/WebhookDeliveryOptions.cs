using System.ComponentModel.DataAnnotations;
using InteropHub.Contracts.Adapters;

namespace InteropHub.Core.Webhooks;

/// <summary><c>Hub:Webhooks:Delivery</c>: how often the hub looks for deliveries, how long it waits for a receiver, how it retries.</summary>
public sealed class WebhookDeliveryOptions : IValidatableOptions
{
    public const string SectionPath = "Hub:Webhooks:Delivery";

    /// <summary>How long the delivery loop rests when it found nothing to do. Defaults to 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may take before it counts as failed. Defaults to 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; it doubles after each further failure. Defaults to 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts. Defaults to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long after its first attempt a delivery is retried before it is dead-lettered. Defaults to 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Deliveries claimed per round. Defaults to 32.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; init; } = 32;

    /// <summary>Attempts in flight at once (to different receivers or events). Defaults to 4.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; init; } = 4;

    public IEnumerable<string> Validate()
    {
        if (InitialRetryDelay > MaxRetryDelay)
        {
            yield return "InitialRetryDelay must be ≤ MaxRetryDelay.";
        }
    }
}
