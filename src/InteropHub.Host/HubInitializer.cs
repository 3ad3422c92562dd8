using InteropHub.Core.Jobs;
using InteropHub.Core.Persistence;

namespace InteropHub.Host;

/// <summary>
/// Runs before the scheduler and the server: creates and migrates the hub database, and marks runs that a crash left
/// "running" as interrupted.
/// </summary>
internal sealed class HubInitializer(IServiceProvider services, IJobRunStore runs) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await HubDatabase.InitializeAsync(services, cancellationToken);
        await runs.MarkRunningAsInterruptedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
