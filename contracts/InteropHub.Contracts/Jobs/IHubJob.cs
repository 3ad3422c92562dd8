namespace InteropHub.Contracts.Jobs;

/// <summary>
/// A scheduled job as an adapter writes it, free of the scheduler: the host runs it on Quartz, one DI scope per run,
/// and records start, end, outcome and counts of every run.
/// </summary>
public interface IHubJob
{
    ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken);
}
