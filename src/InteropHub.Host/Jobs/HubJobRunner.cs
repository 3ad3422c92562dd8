using InteropHub.Contracts.Jobs;
using InteropHub.Core.Jobs;
using InteropHub.Host.Adapters;
using Quartz;
using JobRunStatus = InteropHub.Core.Jobs.JobRunStatus;

namespace InteropHub.Host.Jobs;

/// <summary>
/// The one Quartz job type: looks the declaration up by job name, runs its <see cref="IHubJob"/> in the run's own DI
/// scope, and records start, end, outcome and counts. One run per job at a time, across the cluster.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class HubJobRunner(
    AdapterCatalog catalog,
    IServiceProvider services,
    IJobRunStore runs,
    JobDrain drain,
    TimeProvider time,
    ILogger<HubJobRunner> logger) : IJob
{
    public const string Group = "hub";
    public const string ManualKey = "hub.manual";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var name = context.JobDetail.Key.Name;
        var declaration = catalog.FindJob(name);
        if (declaration is null)
        {
            LogUndeclared(logger, name);
            return;
        }

        using var lease = drain.TryBegin(name, cancellationToken);
        if (lease is null)
        {
            // The hub is stopping: the trigger fired between the drain and the scheduler's pause.
            return;
        }

        var token = lease.Token;
        var manual = context.MergedJobDataMap.TryGetString(ManualKey, out var flag) && flag == "true";
        var instance = context.Scheduler.SchedulerInstanceId;
        if (context.Recovering)
        {
            // Quartz recovers the fires of an instance that missed its check-ins: one only late, not dead, may have run it.
            if (context.ScheduledFireTimeUtc is { } fire && await runs.FireFinishedAsync(name, fire, token))
            {
                LogAlreadyRan(logger, name, fire);
                return;
            }

            var taken = await runs.TakeOverAsync(name, instance, token);
            LogRecovering(logger, name, taken);
        }

        var runId = await runs.StartAsync(name, declaration.Tenant, manual, instance, context.ScheduledFireTimeUtc, time.GetUtcNow(), token);
        using var scope = logger.BeginScope("Job:{Job} JobRun:{JobRun}", name, runId);
        try
        {
            var job = (IHubJob)ActivatorUtilities.GetServiceOrCreateInstance(services, declaration.JobType);
            var hubContext = new HubJobContext(name, declaration.Tenant, declaration.Data, context.FireTimeUtc, manual);
            var outcome = await job.ExecuteAsync(hubContext, token);
            await runs.FinishAsync(runId, JobRunStatus.Succeeded, outcome.Summary, outcome.Counts, null, time.GetUtcNow(), CancellationToken.None);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            await runs.FinishAsync(runId, JobRunStatus.Interrupted, "Stopped by shutdown.", null, null, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogFailed(logger, e, name);
            await runs.FinishAsync(runId, JobRunStatus.Failed, null, null, $"{e.GetType().Name}: {e.Message}", time.GetUtcNow(), CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} is in the job store but no adapter declares it; skipped")]
    private static partial void LogUndeclared(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} is run again: the instance running it stopped ({Runs} run(s) marked interrupted)")]
    private static partial void LogRecovering(ILogger logger, string job, int runs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} was recovered for its fire of {Fire:O}, which already ran: its instance was late to check in, not stopped; skipped")]
    private static partial void LogAlreadyRan(ILogger logger, string job, DateTimeOffset fire);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}
