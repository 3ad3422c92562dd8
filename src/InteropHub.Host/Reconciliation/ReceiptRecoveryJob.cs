using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Payments;
using InteropHub.Core.Reconciliation;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Reconciliation;

/// <summary>
/// For flow lines reported without a receipt the hub knows (open <c>reported-without-receipt</c> anomalies of the
/// look-back), asks Biz-Events for the receipt by IUR and IUV, records it on the payment and matches again; the pass
/// resolves the anomaly when its line then matches (GovPay's RT recovery, docs/platforms/pagopa.md §2).
/// </summary>
internal sealed class ReceiptRecoveryJob(
    IReconciliationQueries queries, IReceiptSource receipts, IPaymentStore payments, IReconciliationMatcher matcher,
    TimeProvider time, IOptions<ReconciliationOptions> options) : IHubJob
{
    public const string Prefix = "pagopa.receipt-recovery";

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

        long recovered = 0, missing = 0, known = 0;
        foreach (var anomaly in open)
        {
            // Recorded by a run that stopped before its pass (or by the receipts sync since): only the pass is left to do.
            if (await payments.FindByIuvAsync(tenant, anomaly.Iuv!, cancellationToken) is { } payment
                && payment.Options.Any(o => o.Iuv.Value == anomaly.Iuv && o.ReceiptId is not null))
            {
                known++;
                continue;
            }

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

        // The pass resolves the anomalies whose line now matches.
        var resolved = recovered + known > 0 ? (await matcher.MatchAsync(tenant, now, cancellationToken)).AnomaliesResolved : 0;

        return JobOutcome.Of(
            $"{open.Count} line(s) without receipt: {recovered} receipt(s) recovered, {known} already recorded, {missing} still missing, {resolved} anomaly(ies) resolved.",
            ("open", open.Count), ("recovered", recovered), ("known", known), ("missing", missing), ("resolved", resolved));
    }
}
