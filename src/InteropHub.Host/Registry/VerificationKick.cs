using InteropHub.Core.Verifications;
using InteropHub.Host.Adapters;
using InteropHub.Host.Jobs;
using Quartz;

namespace InteropHub.Host.Registry;

/// <summary>
/// Starts <see cref="VerificationBatchJob"/> without waiting for its cron: when a batch arrives, and once the hub has
/// started if a previous process left work pending. A run already going picks the new batch up; Quartz queues the
/// trigger otherwise (one run at a time). Does nothing while the job is not scheduled (ANPR adapter disabled).
/// </summary>
internal sealed partial class VerificationKick(
    AdapterCatalog catalog,
    ISchedulerFactory schedulers, IVerificationBatchStore store, IHostApplicationLifetime lifetime, ILogger<VerificationKick> logger) : IHostedService
{
    public async Task NowAsync(CancellationToken cancellationToken)
    {
        if (catalog.FindJob(VerificationBatchJob.Name) is null)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(new JobKey(VerificationBatchJob.Name, HubJobRunner.Group), cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = ResumeAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (catalog.FindJob(VerificationBatchJob.Name) is not null && await store.AnyPendingAsync(cancellationToken))
            {
                LogResuming(logger);
                await NowAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SchedulerException or InvalidOperationException)
        {
            LogResumeFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification batches are pending from before the restart; resuming them now")]
    private static partial void LogResuming(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not resume pending verification batches at start; the job's cron will")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);
}
