using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Jobs;

/// <summary>The history of job runs: every run's start, end, outcome and counts.</summary>
public interface IJobRunStore
{
    Task<long> StartAsync(string jobName, TenantId? tenant, bool triggeredManually, DateTimeOffset startedAt, CancellationToken cancellationToken);

    Task FinishAsync(long runId, JobRunStatus status, string? summary, IReadOnlyDictionary<string, long>? counts, string? error, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>The most recent runs of a job, newest first.</summary>
    Task<IReadOnlyList<JobRun>> RecentAsync(string jobName, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every run still <see cref="JobRunStatus.Running"/> as <see cref="JobRunStatus.Interrupted"/>; called at start,
    /// before the scheduler runs anything, so runs cut short by a crash do not stay "running" forever. Returns how many.
    /// </summary>
    Task<int> MarkRunningAsInterruptedAsync(CancellationToken cancellationToken);
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
    JobRunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Summary,
    IReadOnlyDictionary<string, long> Counts,
    string? Error);
