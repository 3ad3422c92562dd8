using System.Text.Json.Serialization;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Reconciliation;
using InteropHub.Host.Auth;
using InteropHub.Host.Problems;
using InteropHub.Host.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InteropHub.Host.Apis;

/// <summary>
/// <c>/v1/reconciliation</c>: the reporting flows acquired from FdR with each line's match, the anomalies found (GovPay's
/// codes and the hub's classifications), their resolution, and a day's summary. Amounts are euro cents.
/// </summary>
internal static class ReconciliationApi
{
    private const int MaxPageSize = 200;
    private const int MaxNote = 500;

    public static RouteGroupBuilder MapReconciliationEndpoints(this RouteGroupBuilder reconciliation)
    {
        reconciliation.MapGet("/flows", FlowsAsync).WithName("ListReportingFlows")
            .WithSummary("Reporting flows (current revisions), newest first: by regulation date, PSP and status (pending, matched, anomalous).");
        reconciliation.MapGet("/flows/{id:guid}", FlowAsync).WithName("GetReportingFlow")
            .WithSummary("A reporting flow's header and lines, each with its match status and the payment it settled.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reconciliation.MapGet("/anomalies", AnomaliesAsync).WithName("ListAnomalies")
            .WithSummary("Reconciliation anomalies: status open or resolved, code (007101 … 007116, paid-not-reported, reported-without-receipt, paid-twice).");
        reconciliation.MapPost("/anomalies/{id:long}/resolve", ResolveAsync).RequireAuthorization(Scopes.PaymentsWrite).WithName("ResolveAnomaly")
            .WithSummary("Resolves an anomaly with a note; the resolution is written to the audit trail.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        reconciliation.MapGet("/summary", SummaryAsync).WithName("ReconciliationSummary")
            .WithSummary("A day's counts and amounts: paid, reported, and anomalies by code.");
        return reconciliation;
    }

    private static async Task<Results<Ok<ReportingFlowListInfo>, ProblemHttpResult>> FlowsAsync(
        DateOnly? regulationFrom, DateOnly? regulationTo, string? psp, string? status, int? page, int? pageSize,
        HttpContext http, IReportingFlowStore flows, CancellationToken cancellationToken)
    {
        ReportingFlowStatus? wanted = null;
        if (status is not null)
        {
            wanted = Enum.GetValues<ReportingFlowStatus>().Select(s => (ReportingFlowStatus?)s).FirstOrDefault(s => Name(s!.Value) == status);
            if (wanted is null)
            {
                return Problem.Result(400, ErrorCodes.ValidationFailed, "Invalid status", "status is pending, matched or anomalous.");
            }
        }

        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }

        var query = new ReportingFlowQuery { RegulationFrom = regulationFrom, RegulationTo = regulationTo, PspId = psp, Status = wanted, Page = page ?? 1, PageSize = pageSize ?? 50 };
        var found = await flows.ListAsync(http.User.Tenant(), query, cancellationToken);
        return TypedResults.Ok(new ReportingFlowListInfo(query.Page, query.PageSize, found.Total, [.. found.Items.Select(ReportingFlowInfo.From)]));
    }

    private static async Task<Results<Ok<ReportingFlowDetailInfo>, ProblemHttpResult>> FlowAsync(Guid id, HttpContext http, IReportingFlowStore flows, CancellationToken cancellationToken) =>
        await flows.FindAsync(http.User.Tenant(), id, cancellationToken) is { } detail
            ? TypedResults.Ok(new ReportingFlowDetailInfo(ReportingFlowInfo.From(detail.Flow), [.. detail.Lines.Select(ReportingLineInfo.From)]))
            : Problem.Result(404, ErrorCodes.NotFound, "No such reporting flow", $"No reporting flow {id} exists for this tenant.");

    private static async Task<Results<Ok<AnomalyListInfo>, ProblemHttpResult>> AnomaliesAsync(
        string? status, string? code, int? page, int? pageSize, HttpContext http, IReconciliationQueries queries, CancellationToken cancellationToken)
    {
        if (status is not (null or "open" or "resolved"))
        {
            return Problem.Result(400, ErrorCodes.ValidationFailed, "Invalid status", "status is open or resolved.");
        }

        AnomalyStatus? wanted = status switch
        {
            "open" => AnomalyStatus.Open,
            "resolved" => AnomalyStatus.Resolved,
            _ => null,
        };

        if (code is { Length: > 40 } || (code is not null && code.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-')))
        {
            return Problem.Result(400, ErrorCodes.ValidationFailed, "Invalid code", "code is an anomaly code, e.g. 007104 or paid-not-reported.");
        }

        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }

        var query = new AnomalyQuery { Status = wanted, Code = code, Page = page ?? 1, PageSize = pageSize ?? 50 };
        var found = await queries.ListAnomaliesAsync(http.User.Tenant(), query, cancellationToken);
        return TypedResults.Ok(new AnomalyListInfo(query.Page, query.PageSize, found.Total, [.. found.Items.Select(AnomalyInfo.From)]));
    }

    private static async Task<Results<Ok<AnomalyInfo>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        long id, AnomalyResolution resolution, HttpContext http, IReconciliationQueries queries, CancellationToken cancellationToken)
    {
        var note = resolution.Note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > MaxNote || note.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["note"] = [$"A note of 1 to {MaxNote} printable characters saying how the anomaly was settled."] },
                title: "Invalid resolution");
        }

        var operatorId = http.Request.Headers[RegistryCaller.OperatorHeader].ToString();
        var actor = operatorId is { Length: > 0 and <= 64 } && operatorId.All(c => c is > ' ' and <= '~')
            ? operatorId
            : $"api-key:{http.User.FindFirst(HubClaims.KeyIdClaim)?.Value ?? "unknown"}";
        return await queries.ResolveAsync(http.User.Tenant(), id, note, actor, cancellationToken) is { } resolved
            ? TypedResults.Ok(AnomalyInfo.From(resolved))
            : Problem.Result(404, ErrorCodes.NotFound, "No such anomaly", $"No anomaly {id} exists for this tenant.");
    }

    private static async Task<Ok<ReconciliationSummaryInfo>> SummaryAsync(DateOnly? date, HttpContext http, IReconciliationQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var day = date ?? Payments.PaymentPositions.Today(time);
        var tenant = http.User.Tenant();
        var summary = (await queries.SummaryAsync(tenant, day, cancellationToken)).FirstOrDefault()
            ?? new ReconciliationDaySummary(tenant, 0, 0, 0, 0, new Dictionary<string, int>());
        return TypedResults.Ok(new ReconciliationSummaryInfo(day, summary.PaidCount, summary.PaidCents, summary.ReportedCount, summary.ReportedCents,
            summary.AnomaliesByCode.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal)));
    }

    private static ProblemHttpResult? Paging(int? page, int? pageSize) =>
        page is < 1 || pageSize is < 1 or > MaxPageSize
            ? Problem.Result(400, ErrorCodes.ValidationFailed, "Invalid page", $"page is 1 or more and pageSize 1 to {MaxPageSize}.")
            : null;

    public static string Name(ReportingFlowStatus status) => status switch
    {
        ReportingFlowStatus.Matched => "matched",
        ReportingFlowStatus.Anomalous => "anomalous",
        _ => "pending",
    };

    public static string Name(LineMatchStatus status) => status switch
    {
        LineMatchStatus.Matched => "matched",
        LineMatchStatus.Anomalous => "anomalous",
        _ => "pending",
    };

    public static string Name(ReportedOutcome outcome) => outcome switch
    {
        ReportedOutcome.Executed => "executed",
        ReportedOutcome.Revoked => "revoked",
        ReportedOutcome.StandIn => "stand-in",
        ReportedOutcome.StandInNoRpt => "stand-in-no-rpt",
        _ => "no-rpt",
    };
}

/// <summary>How an anomaly was settled, in words (1 to 500 characters); the operator comes from <c>X-Operator-Id</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record AnomalyResolution
{
    public string? Note { get; init; }
}

internal sealed record ReportingFlowListInfo(int Page, int PageSize, int Total, ReportingFlowInfo[] Items);

/// <summary>A flow revision: ids, the bank transfer (<c>regulation</c>), header totals in cents, and its status.</summary>
internal sealed record ReportingFlowInfo(
    Guid Id, string FlowId, string PspId, string? PspName, int Revision, DateTimeOffset PublishedAt, DateOnly? FlowDate,
    string Regulation, DateOnly RegulationDate, string ReceiverId, int TotalPayments, long SumCents, bool Superseded, string Status)
{
    public static ReportingFlowInfo From(ReportingFlowSummary flow) => new(
        flow.Id, flow.FlowId, flow.PspId, flow.PspName, flow.Revision, flow.PublishedAt, flow.FlowDate, flow.Regulation, flow.RegulationDate,
        flow.ReceiverId, flow.TotalPayments, flow.SumCents, flow.Superseded, ReconciliationApi.Name(flow.Status));
}

internal sealed record ReportingFlowDetailInfo(ReportingFlowInfo Flow, ReportingLineInfo[] Lines);

/// <summary>One line: what was settled (IUV, receipt id, transfer index, cents, outcome) and whether it matched a payment.</summary>
internal sealed record ReportingLineInfo(int Index, string Iuv, string Iur, int TransferIndex, long AmountCents, string Outcome, DateTimeOffset PayDate, string Status, Guid? PaymentId)
{
    public static ReportingLineInfo From(ReportingFlowLineRecord line) => new(
        line.Index, line.Iuv, line.Iur, line.TransferIndex, line.AmountCents, ReconciliationApi.Name(line.Outcome), line.PayDate, ReconciliationApi.Name(line.Status), line.PaymentId);
}

internal sealed record AnomalyListInfo(int Page, int PageSize, int Total, AnomalyInfo[] Items);

/// <summary>An anomaly: its code, where it was found, a detail, and its resolution once resolved.</summary>
internal sealed record AnomalyInfo(
    long Id, string Code, string Status, Guid? ReportingFlowId, string? FlowId, string? PspId, int? LineIndex, string? Iuv, string? Iur, Guid? PaymentId,
    string Detail, DateTimeOffset CreatedAt, string? ResolvedNote, string? ResolvedBy, DateTimeOffset? ResolvedAt)
{
    public static AnomalyInfo From(AnomalyRecord anomaly) => new(
        anomaly.Id, anomaly.Code, anomaly.Status == AnomalyStatus.Resolved ? "resolved" : "open", anomaly.ReportingFlowId, anomaly.FlowId, anomaly.PspId,
        anomaly.LineIndex, anomaly.Iuv, anomaly.Iur, anomaly.PaymentId, anomaly.Detail, anomaly.CreatedAt, anomaly.ResolvedNote, anomaly.ResolvedBy, anomaly.ResolvedAt);
}

/// <summary>A day (Europe/Rome calendar day as stored): paid and reported counts and cents, anomalies raised by code.</summary>
internal sealed record ReconciliationSummaryInfo(DateOnly Date, int PaidCount, long PaidCents, int ReportedCount, long ReportedCents, Dictionary<string, int> AnomaliesByCode);
