using System.ComponentModel.DataAnnotations;

namespace InteropHub.Host.Payments;

/// <summary><c>Hub:Payments</c>: how the hub completes creations left pending.</summary>
internal sealed class PaymentOptions
{
    public const string Section = "Hub:Payments";

    /// <summary>
    /// How long a pending payment is left to its own request before the recovery pass takes it over. Defaults to 30
    /// seconds; the pass is safe at any moment (pagoPA's create is exactly once per iupd), this only avoids doubled calls.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RecoveryGrace { get; init; } = TimeSpan.FromSeconds(30);
}
