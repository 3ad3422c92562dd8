using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Payments;
using InteropHub.Core.Reconciliation;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Reconciliation;

/// <summary>
/// For flow lines reported without a receipt the hub knows (open <c>reported-without-receipt</c> anomalies of the
/// look-back), asks Biz-Events for the receipt by IUR and IUV, records it on the payment, matches again, and resolves
/// the anomaly when its line then matched (GovPay's RT recovery, pagopa.md §2).
/// </summary>
internal sealed class ReceiptRecoveryJob(
    IReconciliationQueries queries, IReportingFlowStore flows, IReceiptSource receipts, IPaymentStore payments, IReconciliationMatcher matcher,
    TimeProvider time, IOptions<ReconciliationOptions> options) : IHubJob
{
    public const string Prefix = "pagopa.receipt-recovery";
    public const string Actor = "job:pagopa.receipt-recovery";

    public static JobDeclaration Declaration(IConfiguration configuration, TenantId tenant) => new()
    {
        Name = $"{Prefix}.{tenant}",
        JobType = typeof(ReceiptRecoveryJob),
        Cron = configuration["Hub:Jobs:ReceiptRecovery:Cron"] ?? "0 40 */2 * * ?",
        Description = $"Fetches from Biz-Events the receipts missing for reported lines of {tenant}.",
        Tenant = tenant,
        Misfire = MisfirePolicy.FireOnceNow,
    };

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException($"Job '{context.JobName}' must run for a tenant.");
        var now = time.GetUtcNow();
        var since = now - options.Value.ReceiptRecoveryLookBack;
        var open = new List<AnomalyRecord>();
        for (var page = 1; ; page++)
        {
            var found = await queries.ListAnomaliesAsync(tenant, new AnomalyQuery { Status = AnomalyStatus.Open, Code = AnomalyCodes.ReportedWithoutReceipt, Page = page, PageSize = 200 }, cancellationToken);
            open.AddRange(found.Items.Where(a => a.CreatedAt >= since && a.Iuv is not null && a.Iur is not null));
            if (page * 200 >= found.Total)
            {
                break;
            }
        }

        long recovered = 0, missing = 0, resolved = 0;
        foreach (var anomaly in open)
        {
            if (await receipts.ReceiptAsync(tenant, anomaly.Iur!, anomaly.Iuv!, cancellationToken) is { Succeeded: true } receipt
                && await payments.RecordReceiptAsync(tenant, receipt, cancellationToken) is not null)
            {
                recovered++;
            }
            else
            {
                missing++;
            }
        }

        if (recovered > 0)
        {
            await matcher.MatchAsync(tenant, now, cancellationToken);
            foreach (var inFlow in open.Where(a => a.ReportingFlowId is not null && a.LineIndex is not null).GroupBy(a => a.ReportingFlowId!.Value))
            {
                // One read per flow: its lines carry their match status after the pass.
                if (await flows.FindAsync(tenant, inFlow.Key, cancellationToken) is not { } flow)
                {
                    continue;
                }

                var matched = flow.Lines.Where(l => l.Status == LineMatchStatus.Matched).Select(l => l.Index).ToHashSet();
                foreach (var anomaly in inFlow.Where(a => matched.Contains(a.LineIndex!.Value)))
                {
                    await queries.ResolveAsync(tenant, anomaly.Id, "Receipt recovered from Biz-Events; the line matched.", Actor, cancellationToken);
                    resolved++;
                }
            }
        }

        return JobOutcome.Of(
            $"{open.Count} line(s) without receipt: {recovered} receipt(s) recovered, {missing} still missing, {resolved} anomaly(ies) resolved.",
            ("open", open.Count), ("recovered", recovered), ("missing", missing), ("resolved", resolved));
    }
}
