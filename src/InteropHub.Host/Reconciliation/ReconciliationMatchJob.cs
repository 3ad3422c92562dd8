using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Reconciliation;

namespace InteropHub.Host.Reconciliation;

/// <summary>
/// Matches the tenant's acquired flow lines with its payments (IUV, receipt id, transfer index, exact amounts): matched
/// payments become <c>reported</c>, every mismatch becomes an anomaly with GovPay's code. Set-based and idempotent.
/// </summary>
internal sealed class ReconciliationMatchJob(IReconciliationMatcher matcher, TimeProvider time) : IHubJob
{
    public const string Prefix = "pagopa.match";

    public static JobDeclaration Declaration(IConfiguration configuration, TenantId tenant) => new()
    {
        Name = $"{Prefix}.{tenant}",
        JobType = typeof(ReconciliationMatchJob),
        Cron = configuration["Hub:Jobs:ReconciliationMatch:Cron"] ?? "0 20 */2 * * ?",
        Description = $"Matches the reporting flow lines of {tenant} with its payments and records anomalies.",
        Tenant = tenant,
        Misfire = MisfirePolicy.FireOnceNow,
    };

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException($"Job '{context.JobName}' must run for a tenant.");
        var run = await matcher.MatchAsync(tenant, time.GetUtcNow(), cancellationToken);
        return JobOutcome.Of(
            $"{run.LinesExamined} line(s) examined: {run.LinesMatched} matched, {run.AnomaliesRaised} anomaly(ies) raised, {run.PaymentsReported} payment(s) reported, {run.AnomaliesResolved} anomaly(ies) resolved.",
            ("examined", run.LinesExamined), ("matched", run.LinesMatched), ("anomalies", run.AnomaliesRaised), ("reported", run.PaymentsReported),
            ("resolved", run.AnomaliesResolved));
    }
}
