namespace InteropHub.Core.Quotas;

/// <summary>One tenant's calls to one upstream service on one day (Europe/Rome, <c>yyyy-MM-dd</c>).</summary>
internal sealed class QuotaCounterRow
{
    public required string Tenant { get; init; }

    public required string Service { get; init; }

    public required string Day { get; init; }

    public int Count { get; set; }

    /// <summary>The upstream refused for quota that day: no more calls until the next.</summary>
    public bool Exhausted { get; set; }
}
