using System.ComponentModel.DataAnnotations;

namespace InteropHub.Host.Payments;

/// <summary><c>Hub:Payments</c>: how the hub completes creations left pending, and the size of bulk uploads.</summary>
internal sealed class PaymentOptions
{
    public const string Section = "Hub:Payments";

    /// <summary>
    /// How long a pending payment is left to its own request before the recovery pass takes it over. Defaults to 30
    /// seconds; the pass is safe at any moment (pagoPA's create is exactly once per iupd), this only avoids doubled calls.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RecoveryGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the batch job waits after pagoPA was unavailable before trying the same call again (three times per run). Defaults to 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan UnavailablePause { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Payments one bulk upload may hold. Defaults to (and is at most) 100,000.</summary>
    [Range(1, 100_000)]
    public int MaxBatchItems { get; init; } = 100_000;
}
