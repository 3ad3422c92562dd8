using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Reconciliation;

/// <summary>The anomalies the matcher raised, their resolution by an operator, and a day's reconciliation summary.</summary>
public interface IReconciliationQueries
{
    /// <summary>A page of the tenant's anomalies, newest first, with the total that match.</summary>
    Task<AnomalyListPage> ListAnomaliesAsync(TenantId tenant, AnomalyQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the tenant's anomaly resolved with the operator's note, audited as <c>reconciliation.anomaly.resolve</c>, and
    /// refreshes its flow's status. An anomaly already resolved is returned unchanged; null when it does not exist.
    /// </summary>
    Task<AnomalyRecord?> ResolveAsync(TenantId tenant, long id, string note, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Per tenant (one, or all when null): notices paid on <paramref name="day"/> (UTC), lines of current flows regulated on
    /// that day and matched, and anomalies raised that day by code.
    /// </summary>
    Task<IReadOnlyList<ReconciliationDaySummary>> SummaryAsync(TenantId? tenant, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>Filters of the anomaly list; <see cref="Page"/> is 1-based.</summary>
public sealed record AnomalyQuery
{
    public AnomalyStatus? Status { get; init; }

    public string? Code { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

public sealed record AnomalyListPage(IReadOnlyList<AnomalyRecord> Items, int Total);

/// <summary>One anomaly; <see cref="Code"/> is one of <see cref="AnomalyCodes"/>.</summary>
public sealed record AnomalyRecord
{
    public required long Id { get; init; }

    public required string Code { get; init; }

    public Guid? ReportingFlowId { get; init; }

    public string? FlowId { get; init; }

    public string? PspId { get; init; }

    public int? LineIndex { get; init; }

    public string? Iuv { get; init; }

    public string? Iur { get; init; }

    public Guid? PaymentId { get; init; }

    public required string Detail { get; init; }

    public required AnomalyStatus Status { get; init; }

    public string? ResolvedNote { get; init; }

    public string? ResolvedBy { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A tenant's day: paid and reported counts with amounts in cents, and anomalies raised by code.</summary>
public sealed record ReconciliationDaySummary(
    TenantId Tenant,
    int PaidCount,
    long PaidCents,
    int ReportedCount,
    long ReportedCents,
    IReadOnlyDictionary<string, int> AnomaliesByCode);
