using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Jobs;
using InteropHub.Host.Adapters;
using InteropHub.Host.Auth;
using InteropHub.Host.Idempotency;
using InteropHub.Host.Jobs;
using InteropHub.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace InteropHub.Host.Apis;

/// <summary><c>/v1/admin</c>: adapters and jobs, for keys with the <c>admin</c> scope. A tenant sees hub-wide jobs and its own.</summary>
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/admin").WithTags("Admin").RequireAuthorization(Scopes.Admin);
        group.MapGet("/adapters", ListAdaptersAsync).WithName("ListAdapters").WithSummary("The adapters this hub knows, whether each is enabled, and its readiness.");
        group.MapGet("/jobs", ListJobsAsync).WithName("ListJobs").WithSummary("Scheduled jobs with their next fire time and last runs.");
        group.MapPost("/jobs/{name}/trigger", TriggerJobAsync).WithIdempotency().WithName("TriggerJob").WithSummary("Runs a job now.");
        return group;
    }

    private static async Task<Ok<AdapterInfo[]>> ListAdaptersAsync(AdapterCatalog catalog, HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(r => r.Name.StartsWith("adapter:", StringComparison.Ordinal), cancellationToken);
        return TypedResults.Ok(catalog.Adapters
            .Select(a => new AdapterInfo(
                a.Name,
                a.Enabled,
                a.Enabled && report.Entries.TryGetValue($"adapter:{a.Name.ToLowerInvariant()}", out var entry) ? entry.Status.ToString() : null))
            .ToArray());
    }

    private static async Task<Ok<JobInfo[]>> ListJobsAsync(HttpContext http, AdapterCatalog catalog, ISchedulerFactory schedulers, IJobRunStore runs, CancellationToken cancellationToken)
    {
        var tenant = http.User.Tenant();
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = new List<JobInfo>();
        foreach (var job in catalog.Jobs.Where(j => j.Tenant is null || j.Tenant == tenant))
        {
            var trigger = await scheduler.GetTrigger(new TriggerKey(job.Name, HubJobRunner.Group), cancellationToken);
            var recent = await runs.RecentAsync(job.Name, 5, cancellationToken);
            jobs.Add(new JobInfo(
                job.Name,
                job.Description,
                job.Tenant?.Value,
                job.Cron,
                trigger?.NextFireTimeUtc,
                trigger?.PreviousFireTimeUtc,
                recent.Select(JobRunInfo.From).ToArray()));
        }

        return TypedResults.Ok(jobs.ToArray());
    }

    private static async Task<Results<Accepted<JobTriggered>, ProblemHttpResult>> TriggerJobAsync(
        string name, HttpContext http, AdapterCatalog catalog, ISchedulerFactory schedulers, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = catalog.FindJob(name);
        if (job is null || (job.Tenant is { } owner && owner != http.User.Tenant()))
        {
            return Problem.Result(404, ErrorCodes.NotFound, "No such job", $"No job named '{name}' is scheduled for this tenant.");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(new JobKey(job.Name, HubJobRunner.Group), new JobDataMap { [HubJobRunner.ManualKey] = "true" }, cancellationToken);
        return TypedResults.Accepted($"/v1/admin/jobs", new JobTriggered(job.Name, time.GetUtcNow()));
    }
}

/// <summary>An adapter: its name, whether configuration enabled it, and its readiness (Healthy, Degraded, Unhealthy) when enabled.</summary>
internal sealed record AdapterInfo(string Name, bool Enabled, string? Status);

/// <summary>A scheduled job: its cron (Europe/Rome), next and previous fire times, and its most recent runs.</summary>
internal sealed record JobInfo(string Name, string Description, string? Tenant, string Cron, DateTimeOffset? NextFireAt, DateTimeOffset? PreviousFireAt, JobRunInfo[] LastRuns);

/// <summary>One run: the scheduler instance that ran it, the fire time it stands for (a recovered run: when the run it replaces fired), and its outcome.</summary>
internal sealed record JobRunInfo(
    long Id, string Status, bool Manual, string? Instance, DateTimeOffset? ScheduledAt, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Summary,
    IReadOnlyDictionary<string, long> Counts, string? Error)
{
    public static JobRunInfo From(JobRun run) => new(
        run.Id, run.Status.ToString().ToLowerInvariant(), run.TriggeredManually, run.Instance, run.ScheduledAt, run.StartedAt, run.FinishedAt, run.Summary, run.Counts, run.Error);
}

/// <summary>A job was queued to run now; its run appears in <c>GET /v1/admin/jobs</c>.</summary>
internal sealed record JobTriggered(string Name, DateTimeOffset TriggeredAt);
