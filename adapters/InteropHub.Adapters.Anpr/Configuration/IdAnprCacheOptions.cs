using System.ComponentModel.DataAnnotations;

namespace InteropHub.Adapters.Anpr.Configuration;

/// <summary>
/// <c>Adapters:Anpr:IdAnprCache</c>: how long an idANPR found by C030 is reused. idANPR is stable for life and never
/// reassigned (docs/platforms/anpr.md §2.2), so the limit is about memory and cancelled residents, not correctness.
/// </summary>
public sealed class IdAnprCacheOptions
{
    /// <summary>How long an entry is reused (1 minute to 365 days). Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Ttl { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Entries kept per tenant (1–10,000,000); beyond it the entries closest to expiry go first. Default 100,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxEntriesPerTenant { get; init; } = 100_000;
}
