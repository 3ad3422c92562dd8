using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Reconciliation;

/// <summary>The tenants' reporting flows (FdR) as acquired, each revision once, with their lines' matching state.</summary>
public interface IReportingFlowStore
{
    /// <summary>
    /// Stores the flow's header and lines, unless the tenant already has that (flow id, PSP, revision): then nothing changes
    /// and the answer is false. Older revisions of the same flow and PSP become superseded (their lines stop counting); a
    /// revision older than one already stored is stored superseded. Throws when an amount has more than two decimals or
    /// two lines share an index.
    /// </summary>
    Task<bool> SaveAsync(TenantId tenant, ReportingFlow flow, CancellationToken cancellationToken);

    /// <summary>A page of the tenant's current (not superseded) flows, newest regulation date first, with the total that match.</summary>
    Task<ReportingFlowListPage> ListAsync(TenantId tenant, ReportingFlowQuery query, CancellationToken cancellationToken);

    /// <summary>The tenant's stored flow revision with its lines, or null.</summary>
    Task<ReportingFlowDetail?> FindAsync(TenantId tenant, Guid id, CancellationToken cancellationToken);
}

/// <summary>Filters of the flow list (dates inclusive); <see cref="Page"/> is 1-based.</summary>
public sealed record ReportingFlowQuery
{
    public DateOnly? RegulationFrom { get; init; }

    public DateOnly? RegulationTo { get; init; }

    public DateOnly? FlowDateFrom { get; init; }

    public DateOnly? FlowDateTo { get; init; }

    public string? PspId { get; init; }

    public ReportingFlowStatus? Status { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

public sealed record ReportingFlowListPage(IReadOnlyList<ReportingFlowSummary> Items, int Total);

/// <summary>A stored flow revision's header; amounts in cents.</summary>
public sealed record ReportingFlowSummary
{
    public required Guid Id { get; init; }

    public required string FlowId { get; init; }

    public required string PspId { get; init; }

    public string? PspName { get; init; }

    public required int Revision { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public DateOnly? FlowDate { get; init; }

    public required string Regulation { get; init; }

    public required DateOnly RegulationDate { get; init; }

    public required string ReceiverId { get; init; }

    public required int TotalPayments { get; init; }

    public required long SumCents { get; init; }

    public required bool Superseded { get; init; }

    public required ReportingFlowStatus Status { get; init; }
}

/// <summary>A flow revision with its lines in index order.</summary>
public sealed record ReportingFlowDetail(ReportingFlowSummary Flow, IReadOnlyList<ReportingFlowLineRecord> Lines);

/// <summary>One line with its matching state and, once matched, the payment it settled.</summary>
public sealed record ReportingFlowLineRecord(
    int Index,
    string Iuv,
    string Iur,
    int TransferIndex,
    long AmountCents,
    ReportedOutcome Outcome,
    DateTimeOffset PayDate,
    LineMatchStatus Status,
    Guid? PaymentId);
