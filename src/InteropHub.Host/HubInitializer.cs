using InteropHub.Core.Jobs;
using InteropHub.Core.Persistence;
using Quartz;

namespace InteropHub.Host;

/// <summary>
/// Runs before the scheduler and the server: creates and migrates the hub database, and marks runs that a crash of
/// this scheduler instance left "running" as interrupted (another instance's runs are recovered by the cluster).
/// </summary>
internal sealed class HubInitializer(IServiceProvider services, IJobRunStore runs, ISchedulerFactory schedulers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await HubDatabase.InitializeAsync(services, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await runs.MarkRunningAsInterruptedAsync(scheduler.SchedulerInstanceId, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
