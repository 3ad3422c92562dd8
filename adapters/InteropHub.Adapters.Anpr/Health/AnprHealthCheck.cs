using System.Globalization;
using System.Net;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Anpr.Health;

/// <summary>
/// Readiness of ANPR: <c>GET {base}/status</c> of every enabled e-service, signed like a real call (voucher and
/// tracking evidence of the first tenant with a purpose for it), because ANPR's gateway answers 401 to anything else.
/// A refusal (401/403, a ModI 400, 404 on a wrong URL, PDND refusing the voucher) is a configuration problem: Unhealthy,
/// naming the settings. No answer, 5xx or 429 only degrade the adapter. The result is kept for
/// <see cref="AnprOptions.HealthProbeInterval"/>, so frequent polling costs ANPR and PDND nothing more.
/// </summary>
internal sealed class AnprHealthCheck(IHttpClientFactory httpClients, IOptions<AnprOptions> options, ITenantDirectory tenants, TimeProvider time) : IHealthCheck
{
    /// <summary>The tracking evidence's <c>userID</c> of a readiness probe.</summary>
    public const string ProbeOperator = "interophub-readiness";

    private readonly SemaphoreSlim _single = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public static string ClientName(string code) => $"{AnprServiceCatalog.EServiceKey(code)}-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } kept)
        {
            return kept;
        }

        await _single.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } justProbed)
            {
                return justProbed;
            }

            var result = await ProbeAllAsync(cancellationToken).ConfigureAwait(false);
            _last = (time.GetUtcNow(), result);
            return result;
        }
        finally
        {
            _single.Release();
        }
    }

    private HealthCheckResult? Fresh() =>
        _last is { } last && time.GetUtcNow() - last.At < options.Value.HealthProbeInterval ? last.Result : null;

    private async Task<HealthCheckResult> ProbeAllAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var outcomes = new List<Outcome>();
        foreach (var (code, service) in settings.EServices.Where(s => s.Value.Enabled && s.Value.BaseUrl is not null).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var key = AnprServiceCatalog.EServiceKey(code);
            var tenant = tenants.All.OrderBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault(t => t.Pdnd.Purposes.ContainsKey(key));
            outcomes.Add(tenant is null
                ? new Outcome(HealthStatus.Healthy, $"{code}: not probed, no tenant has Pdnd:Purposes:{key}", Probed: false)
                : await ProbeAsync(code, service.BaseUrl!, TenantId.Parse(tenant.Id), cancellationToken).ConfigureAwait(false));
        }

        var data = new Dictionary<string, object>
        {
            ["probed"] = outcomes.Count(o => o.Probed),
            ["misconfigured"] = outcomes.Count(o => o.Status == HealthStatus.Unhealthy),
            ["unavailable"] = outcomes.Count(o => o.Status == HealthStatus.Degraded),
        };
        var worst = outcomes.Count == 0 ? HealthStatus.Healthy : outcomes.Min(o => o.Status);
        var notes = outcomes.Where(o => o.Status != HealthStatus.Healthy || !o.Probed).Select(o => o.Text + ".").ToList();
        var description = notes.Count == 0
            ? $"{outcomes.Count} ANPR e-service(s) answered their status to a signed call."
            : string.Join(" ", notes);
        return new HealthCheckResult(worst, description, data: data);
    }

    private async Task<Outcome> ProbeAsync(string code, Uri baseUrl, TenantId tenant, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var key = AnprServiceCatalog.EServiceKey(code);
        var configuration = $"check Adapters:Anpr:EServices:{code}:Audience and tenant {tenant}'s Pdnd:Purposes:{key}, then run `interophub doctor --tenant {tenant}`";
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(settings.HealthProbeTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/status"));
        request.Options.Set(ModiRequestContext.OptionsKey, new ModiRequestContext(tenant)
        {
            OperatorId = ProbeOperator,
            UserLocation = settings.UserLocation,
            LevelOfAssurance = settings.LevelOfAssurance,
        });
        try
        {
            using var response = await httpClients.CreateClient(ClientName(code)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var http = $"HTTP {status.ToString(CultureInfo.InvariantCulture)}";
            return response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => new Outcome(HealthStatus.Healthy, $"{code}: ok"),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    new Outcome(HealthStatus.Unhealthy, $"{code}: ANPR's gateway refused the voucher ({http}); {configuration}"),
                HttpStatusCode.BadRequest =>
                    new Outcome(HealthStatus.Unhealthy, $"{code}: ANPR's gateway refused the ModI headers ({http}); {configuration}"),
                HttpStatusCode.NotFound =>
                    new Outcome(HealthStatus.Unhealthy, $"{code}: no such e-service ({http}); check Adapters:Anpr:EServices:{code}:BaseUrl"),
                HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                    new Outcome(HealthStatus.Degraded, $"{code}: unavailable ({http})"),
                _ => new Outcome(HealthStatus.Unhealthy, $"{code}: unexpected {http}; {configuration}"),
            };
        }
        catch (HubProblemException problem) when (problem.Status is 429 or >= 503)
        {
            return new Outcome(HealthStatus.Degraded, $"{code}: no voucher, PDND unavailable ({problem.Code})");
        }
        catch (HubProblemException problem)
        {
            return new Outcome(HealthStatus.Unhealthy, $"{code}: PDND issued no voucher for tenant {tenant} ({problem.Code}); check tenant {tenant}'s Pdnd settings and run `interophub doctor --tenant {tenant}`");
        }
        catch (InvalidOperationException e)
        {
            return new Outcome(HealthStatus.Unhealthy, $"{code}: cannot sign the call for tenant {tenant}: {e.Message}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new Outcome(HealthStatus.Degraded, $"{code}: unreachable ({baseUrl.GetLeftPart(UriPartial.Authority)})");
        }
    }

    private sealed record Outcome(HealthStatus Status, string Text, bool Probed = true);
}
