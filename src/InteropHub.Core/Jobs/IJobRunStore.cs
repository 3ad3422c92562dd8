using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Jobs;

/// <summary>The history of job runs: every run's start, end, outcome and counts.</summary>
public interface IJobRunStore
{
    /// <summary>Records a run as started by scheduler <paramref name="instance"/> for the fire scheduled at <paramref name="scheduledAt"/>.</summary>
    Task<long> StartAsync(
        string jobName, TenantId? tenant, bool triggeredManually, string instance, DateTimeOffset? scheduledAt, DateTimeOffset startedAt, CancellationToken cancellationToken);

    Task FinishAsync(long runId, JobRunStatus status, string? summary, IReadOnlyDictionary<string, long>? counts, string? error, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>The most recent runs of a job, newest first.</summary>
    Task<IReadOnlyList<JobRun>> RecentAsync(string jobName, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the runs scheduler <paramref name="instance"/> left <see cref="JobRunStatus.Running"/> (and those that name no
    /// instance, from before instances were recorded) as <see cref="JobRunStatus.Interrupted"/>; called at start, before
    /// the scheduler runs anything. Other instances' runs are theirs: they may be alive. Returns how many.
    /// </summary>
    Task<int> MarkRunningAsInterruptedAsync(string instance, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every run of <paramref name="jobName"/> still <see cref="JobRunStatus.Running"/> as
    /// <see cref="JobRunStatus.Interrupted"/>, naming <paramref name="instance"/> as the one running the job again; called
    /// when the scheduler recovers a job whose instance died (a job runs on one instance at a time). Returns how many.
    /// </summary>
    Task<int> TakeOverAsync(string jobName, string instance, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a run of <paramref name="jobName"/> for the fire scheduled at <paramref name="scheduledAt"/> finished
    /// (<see cref="JobRunStatus.Succeeded"/> or <see cref="JobRunStatus.Failed"/>): a recovered fire whose instance was
    /// only late to check in, not dead, has run already.
    /// </summary>
    Task<bool> FireFinishedAsync(string jobName, DateTimeOffset scheduledAt, CancellationToken cancellationToken);
}

public enum JobRunStatus
{
    Running,
    Succeeded,
    Failed,
    Interrupted,
}

public sealed record JobRun(
    long Id,
    string JobName,
    TenantId? Tenant,
    bool TriggeredManually,
    string? Instance,
    DateTimeOffset? ScheduledAt,
    JobRunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Summary,
    IReadOnlyDictionary<string, long> Counts,
    string? Error);
