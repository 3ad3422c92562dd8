using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;

namespace InteropHub.Adapters.PagoPa.Fdr;

/// <summary>FdR's answers as the hub's reporting flows; a member the hub needs that is missing or unknown is a 502, never a guess.</summary>
internal static class FdrFlowMapping
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static ReportingFlowRef ToRef(FdrFlowByPsp flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var id = Required(flow.Fdr, "flow list", "fdr");
        return new ReportingFlowRef(
            id,
            Required(flow.PspId, id, "pspId"),
            Revision(flow.Revision, id),
            flow.Published ?? throw Unreadable(id, "published"),
            flow.FlowDate is { } created ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(created, Rome).DateTime) : null);
    }

    public static ReportingFlow ToFlow(ReportingFlowRef reference, FdrFlow header, IReadOnlyList<FdrPayment> payments)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(payments);
        var id = reference.FlowId;
        return new ReportingFlow
        {
            Ref = reference,
            Regulation = Required(header.Regulation, id, "regulation"),
            RegulationDate = header.RegulationDate ?? throw Unreadable(id, "regulationDate"),
            PspName = header.Sender?.PspName,
            ReceiverOrganizationId = Required(header.Receiver?.OrganizationId, id, "receiver.organizationId"),
            TotalPayments = header.TotPayments is >= 0 and <= int.MaxValue ? (int)header.TotPayments : throw Unreadable(id, "totPayments"),
            SumPayments = header.SumPayments,
            Lines = [.. payments.Select(payment => ToLine(payment, id))],
        };
    }

    public static ReportedOutcome Outcome(string? payStatus, string flowId) => payStatus switch
    {
        "EXECUTED" => ReportedOutcome.Executed,
        "REVOKED" => ReportedOutcome.Revoked,
        "STAND_IN" => ReportedOutcome.StandIn,
        "STAND_IN_NO_RPT" => ReportedOutcome.StandInNoRpt,
        "NO_RPT" => ReportedOutcome.NoRpt,
        _ => throw Unreadable(flowId, $"payStatus '{payStatus ?? "(none)"}'"),
    };

    private static ReportingFlowLine ToLine(FdrPayment payment, string flowId) => new(
        payment.Index is >= 1 and <= int.MaxValue ? (int)payment.Index : throw Unreadable(flowId, "payment index"),
        Required(payment.Iuv, flowId, "iuv"),
        Required(payment.Iur, flowId, "iur"),
        payment.IdTransfer is >= 1 and <= 5 ? (int)payment.IdTransfer : throw Unreadable(flowId, "idTransfer"),
        payment.Pay,
        Outcome(payment.PayStatus, flowId),
        payment.PayDate ?? throw Unreadable(flowId, "payDate"));

    private static int Revision(long revision, string flowId) =>
        revision is >= 1 and <= int.MaxValue ? (int)revision : throw Unreadable(flowId, "revision");

    private static string Required(string? value, string flowId, string member) =>
        string.IsNullOrEmpty(value) ? throw Unreadable(flowId, member) : value;

    private static HubProblemException Unreadable(string flowId, string what) =>
        new(502, ErrorCodes.UpstreamRejected, "pagoPA answered what the hub cannot read", $"FdR answered an unreadable {what} for flow {flowId}.");
}
