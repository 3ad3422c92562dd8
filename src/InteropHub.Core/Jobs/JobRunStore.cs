using System.Text.Json;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Jobs;

internal sealed class JobRunStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IJobRunStore
{
    public async Task<long> StartAsync(
        string jobName, TenantId? tenant, bool triggeredManually, string instance, DateTimeOffset? scheduledAt, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        ArgumentException.ThrowIfNullOrEmpty(instance);
        var row = new JobRunRow
        {
            JobName = jobName,
            Tenant = tenant?.Value,
            TriggeredManually = triggeredManually,
            Instance = instance,
            ScheduledAt = scheduledAt,
            Status = JobRunStatus.Running,
            StartedAt = startedAt,
        };
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.JobRuns.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return row.Id;
    }

    public async Task FinishAsync(long runId, JobRunStatus status, string? summary, IReadOnlyDictionary<string, long>? counts, string? error, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        if (status == JobRunStatus.Running)
        {
            throw new ArgumentException("A finished run cannot be Running.", nameof(status));
        }

        var countsJson = counts is null ? null : JsonSerializer.Serialize(counts);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var updated = await db.JobRuns
                .Where(r => r.Id == runId)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Status, status)
                        .SetProperty(r => r.Summary, summary)
                        .SetProperty(r => r.CountsJson, countsJson)
                        .SetProperty(r => r.Error, error)
                        .SetProperty(r => r.FinishedAt, finishedAt),
                    cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                throw new InvalidOperationException($"Job run {runId} does not exist.");
            }
        }
    }

    public async Task<IReadOnlyList<JobRun>> RecentAsync(string jobName, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.JobRuns.AsNoTracking()
                .Where(r => r.JobName == jobName)
                .OrderByDescending(r => r.Id)
                .Take(limit)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return rows.ConvertAll(ToJobRun);
        }
    }

    public async Task<int> MarkRunningAsInterruptedAsync(string instance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.JobRuns
                .Where(r => r.Status == JobRunStatus.Running && (r.Instance == instance || r.Instance == null))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Status, JobRunStatus.Interrupted)
                        .SetProperty(r => r.FinishedAt, now)
                        .SetProperty(r => r.Error, "The hub stopped before the run finished."),
                    cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<int> TakeOverAsync(string jobName, string instance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        ArgumentException.ThrowIfNullOrEmpty(instance);
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.JobRuns
                .Where(r => r.JobName == jobName && r.Status == JobRunStatus.Running)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Status, JobRunStatus.Interrupted)
                        .SetProperty(r => r.FinishedAt, now)
                        .SetProperty(r => r.Error, r => "Instance " + (r.Instance ?? "(unknown)") + " stopped before the run finished; instance " + instance + " ran the job again."),
                    cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<bool> FireFinishedAsync(string jobName, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.JobRuns.AsNoTracking()
                .AnyAsync(
                    r => r.JobName == jobName && r.ScheduledAt == scheduledAt && (r.Status == JobRunStatus.Succeeded || r.Status == JobRunStatus.Failed),
                    cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static JobRun ToJobRun(JobRunRow row) => new(
        row.Id,
        row.JobName,
        row.Tenant is null ? null : TenantId.Parse(row.Tenant),
        row.TriggeredManually,
        row.Instance,
        row.ScheduledAt,
        row.Status,
        row.StartedAt,
        row.FinishedAt,
        row.Summary,
        row.CountsJson is null
            ? new Dictionary<string, long>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, long>>(row.CountsJson) ?? [],
        row.Error);
}
