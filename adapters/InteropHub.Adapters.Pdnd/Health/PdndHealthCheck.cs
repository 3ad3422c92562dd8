using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InteropHub.Adapters.Pdnd.Health;

/// <summary>
/// Readiness of the PDND adapter: Degraded, never Unhealthy, when the token endpoint does not answer, because the
/// hub still serves everything that needs no new voucher.
/// </summary>
internal sealed class PdndHealthCheck(TokenEndpointProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
        return result.Answered
            ? HealthCheckResult.Healthy($"PDND token endpoint answered (HTTP {result.Status}).")
            : HealthCheckResult.Degraded($"PDND token endpoint did not answer: {result.Failure}.");
    }
}
