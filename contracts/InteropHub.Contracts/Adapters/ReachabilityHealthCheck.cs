using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InteropHub.Contracts.Adapters;

/// <summary>
/// Readiness of an adapter's upstreams: any HTTP answer means reachable. An unreachable platform makes the adapter
/// Degraded, never Unhealthy: the hub stays ready and answers 503 upstream-unavailable for that platform only.
/// </summary>
public sealed class ReachabilityHealthCheck(HttpClient client, IReadOnlyList<Uri> targets, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var unreachable = new List<string>();
        foreach (var target in targets)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, target);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                unreachable.Add(target.GetLeftPart(UriPartial.Authority));
            }
        }

        var data = new Dictionary<string, object> { ["targets"] = targets.Count, ["unreachable"] = unreachable.Count };
        return unreachable.Count == 0
            ? HealthCheckResult.Healthy($"{targets.Count} upstream endpoint(s) reachable.", data)
            : HealthCheckResult.Degraded($"Unreachable: {string.Join(", ", unreachable.Distinct())}.", data: data);
    }
}
