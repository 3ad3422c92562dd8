using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Payments;

/// <summary>
/// The tenant's reporting flows on pagoPA's FdR API. Refusals surface as <see cref="Errors.HubProblemException"/>
/// (502 upstream-rejected with FdR's appErrorCode, 503 upstream-unavailable).
/// </summary>
public interface IReportingFlowSource
{
    /// <summary>Largest page FdR serves.</summary>
    const int PageSize = 1000;

    /// <summary>
    /// One page (1-based) of the flows published after <paramref name="publishedAfter"/> — only the latest revision of
    /// each, as FdR lists them. FdR refuses a bound older than 30 days; callers clamp it.
    /// </summary>
    Task<ReportingFlowPage> ListAsync(TenantId tenant, DateTimeOffset publishedAfter, int page, CancellationToken cancellationToken);

    /// <summary>The flow's header and every line (FdR's payment pages read to the end).</summary>
    Task<ReportingFlow> GetAsync(TenantId tenant, ReportingFlowRef flow, CancellationToken cancellationToken);
}
