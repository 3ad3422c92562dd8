using System.Globalization;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Reconciliation;

namespace InteropHub.Host.Reconciliation;

/// <summary>
/// Acquires the tenant's reporting flows from FdR: every flow published after the watermark (clamped to 29 days back —
/// FdR refuses older bounds), pages of 1,000, header and lines stored idempotently per (flow, PSP, revision), a newer
/// revision superseding the older. A flow that fails is skipped and the watermark stops before it, so the next run
/// tries it again while the others go on.
/// </summary>
internal sealed partial class FdrAcquisitionJob(
    IReportingFlowSource flows, IReportingFlowStore store, ICheckpointStore checkpoints, TimeProvider time, ILogger<FdrAcquisitionJob> logger) : IHubJob
{
    public const string Prefix = "pagopa.fdr";

    /// <summary>FdR refuses a <c>publishedGt</c> older than 30 days; one day of margin.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(29);

    public static JobDeclaration Declaration(IConfiguration configuration, TenantId tenant) => new()
    {
        Name = $"{Prefix}.{tenant}",
        JobType = typeof(FdrAcquisitionJob),
        Cron = configuration["Hub:Jobs:FdrAcquisition:Cron"] ?? "0 5 */2 * * ?",
        Description = $"Acquires the reporting flows (FdR) published for {tenant}.",
        Tenant = tenant,
        Misfire = MisfirePolicy.FireOnceNow,
    };

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException($"Job '{context.JobName}' must run for a tenant.");
        var scope = $"{Prefix}/{tenant}";
        var floor = time.GetUtcNow() - LookBack;
        var saved = await checkpoints.GetAsync(scope, cancellationToken);
        var watermark = saved is null ? floor : DateTimeOffset.Parse(saved.Value, CultureInfo.InvariantCulture);
        var after = watermark < floor ? floor : watermark;

        long listed = 0, stored = 0, failed = 0;
        var newest = after;
        DateTimeOffset? firstFailure = null;
        for (var page = 1; ; page++)
        {
            var found = await flows.ListAsync(tenant, after, page, cancellationToken);
            foreach (var flow in found.Flows)
            {
                listed++;
                if (flow.Published <= after)
                {
                    // Listed by a platform that compares at a coarser precision: at or before the watermark, so already stored.
                    continue;
                }

                try
                {
                    if (await store.SaveAsync(tenant, await flows.GetAsync(tenant, flow, cancellationToken), cancellationToken))
                    {
                        stored++;
                    }

                    newest = flow.Published > newest ? flow.Published : newest;
                }
                catch (Exception e) when (e is HubProblemException or ArgumentException or FormatException)
                {
                    failed++;
                    firstFailure = firstFailure is { } earlier && earlier < flow.Published ? earlier : flow.Published;
                    LogFlowFailed(logger, flow.FlowId, flow.PspId, flow.Revision, e.Message);
                }
            }

            if (page >= found.TotalPages)
            {
                break;
            }
        }

        var next = firstFailure is { } stop ? stop.AddTicks(-1) : newest;
        if (next > watermark)
        {
            await checkpoints.SaveAsync(scope, next.ToString("O", CultureInfo.InvariantCulture), saved?.Version, cancellationToken);
        }

        return JobOutcome.Of(
            $"{listed} flow(s) listed since {after:O}: {stored} new, {listed - stored - failed} already stored, {failed} failed.",
            ("listed", listed), ("stored", stored), ("failed", failed));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting flow {FlowId} of PSP {PspId} (revision {Revision}) could not be acquired: {Reason}")]
    private static partial void LogFlowFailed(ILogger logger, string flowId, string pspId, int revision, string reason);
}
