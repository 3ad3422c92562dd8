using InteropHub.Host.Adapters;
using Quartz;

namespace InteropHub.Host.Jobs;

/// <summary>
/// Starts a job without waiting for its cron: when new work arrives (a batch, a payment left pending), and once the
/// hub has started for every <see cref="PendingWork"/> a previous process left unfinished. A run already going picks
/// the new work up; Quartz queues the trigger otherwise (one run at a time). Does nothing for a job that is not
/// scheduled (its adapter disabled).
/// </summary>
internal sealed partial class JobKick(
    AdapterCatalog catalog, ISchedulerFactory schedulers, IEnumerable<PendingWork> work, IHostApplicationLifetime lifetime, ILogger<JobKick> logger)
    : IHostedService
{
    public async Task NowAsync(string job, CancellationToken cancellationToken)
    {
        if (catalog.FindJob(job) is null)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(new JobKey(job, HubJobRunner.Group), cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = ResumeAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var pending in work)
        {
            try
            {
                if (catalog.FindJob(pending.Job) is not null && await pending.AnyAsync(cancellationToken))
                {
                    LogResuming(logger, pending.Job);
                    await NowAsync(pending.Job, cancellationToken);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SchedulerException or InvalidOperationException)
            {
                LogResumeFailed(logger, pending.Job, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Work for job {Job} is pending from before the restart; starting it now")]
    private static partial void LogResuming(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start job {Job} for pending work at start; its cron will")]
    private static partial void LogResumeFailed(ILogger logger, string job, Exception exception);
}

/// <summary>A job and how to tell whether work is waiting for it (asked once at start-up).</summary>
internal sealed record PendingWork(string Job, Func<CancellationToken, Task<bool>> AnyAsync);
