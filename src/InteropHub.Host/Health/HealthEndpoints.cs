using InteropHub.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InteropHub.Host.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency is checked). <c>/health/ready</c>: the database, the
/// scheduler and each enabled adapter; 200 while healthy or degraded (an unreachable platform degrades only its
/// adapter), 503 problem <c>not-ready</c> when a check fails.
/// </summary>
internal static class HealthEndpoints
{
    public const string Live = "live";
    public const string Ready = "ready";

    public static void MapHubHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous().DisableRateLimiting();
        group.MapGet("/live", (HealthCheckService health, CancellationToken ct) => CheckAsync(health, Live, ct))
            .WithName("Live").WithSummary("Liveness: the process answers.");
        group.MapGet("/ready", (HealthCheckService health, CancellationToken ct) => CheckAsync(health, Ready, ct))
            .WithName("Ready").WithSummary("Readiness: database, scheduler and each enabled adapter.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<HealthReportDto>, ProblemHttpResult>> CheckAsync(HealthCheckService health, string tag, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(tag), ct);
        var checks = report.Entries.Select(e => new HealthCheckDto(e.Key, e.Value.Status.ToString(), e.Value.Description)).ToArray();
        return report.Status == HealthStatus.Unhealthy
            ? Problem.Result(StatusCodes.Status503ServiceUnavailable, "not-ready", "Not ready", "A dependency the hub needs is failing; see checks.",
                new Dictionary<string, object?> { ["checks"] = checks })
            : TypedResults.Ok(new HealthReportDto(report.Status.ToString(), checks));
    }
}

/// <summary>Overall status (Healthy, Degraded, Unhealthy) and each check's.</summary>
internal sealed record HealthReportDto(string Status, HealthCheckDto[] Checks);

internal sealed record HealthCheckDto(string Name, string Status, string? Description);
