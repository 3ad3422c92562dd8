namespace InteropHub.Sandbox.PagoPa;

/// <summary>The pagoPA sandbox's gateway limits and bulk size at start (docs/platforms/pagopa.md §1.1, §1.2).</summary>
public sealed record PagoPaSandboxSettings
{
    /// <summary>Calls per subscription key per <see cref="RateLimitWindow"/>; GPD's APIM policy allows 100 per 10 s.</summary>
    public int RateLimitRequests { get; init; } = 100;

    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>FdR's TPS 1.0: the least time between two arrivals of FdR calls with one key, else 429.</summary>
    public TimeSpan FdrMinimumInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Positions per v2 bulk call (GPD's <c>max.massive.debt.positions</c>).</summary>
    public int MaxBulkPositions { get; init; } = 100;
}
