using System.Net;
using InteropHub.Adapters.Anpr.Health;
using InteropHub.Adapters.Anpr.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InteropHub.Adapters.Anpr.Tests.Health;

/// <summary>The readiness probe calls each enabled e-service's /status signed like a real call, and says what a refusal means.</summary>
public sealed class AnprHealthCheckTests : IDisposable
{
    private readonly AnprHost _host = new(new()
    {
        ["Adapters:Anpr:EServices:C001:Enabled"] = "false",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    private Task<HealthCheckResult> CheckAsync() =>
        _host.Registration.HealthChecks.Single()(_host.Services).CheckHealthAsync(new HealthCheckContext(), Ct);

    [Fact]
    public async Task Every_enabled_service_is_probed_with_a_voucher_and_tracking_evidence_of_a_tenant_with_its_purpose()
    {
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        var probed = _host.Anpr.StatusRequests.ToList();
        Assert.Equal(FakeTenants.Codes.Length - 1, probed.Count);
        Assert.DoesNotContain(probed, p => p.Uri.AbsolutePath.Contains("C001", StringComparison.Ordinal));
        Assert.All(probed, p => Assert.EndsWith("/v1/status", p.Uri.AbsolutePath, StringComparison.Ordinal));
        Assert.All(probed, p =>
        {
            Assert.Equal(FakeTenants.A, p.Context!.Tenant);
            Assert.Equal(AnprHealthCheck.ProbeOperator, p.Context.OperatorId);
            Assert.False(string.IsNullOrEmpty(p.Context.UserLocation));
            Assert.False(string.IsNullOrEmpty(p.Context.LevelOfAssurance));
        });
        Assert.Equal(probed.Count, _host.Modi.Passes.Count(p => p.Context.OperatorId == AnprHealthCheck.ProbeOperator));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "refused the voucher")]
    [InlineData(HttpStatusCode.Forbidden, "refused the voucher")]
    [InlineData(HttpStatusCode.BadRequest, "refused the ModI headers")]
    public async Task A_refused_probe_is_unhealthy_naming_the_settings_to_check(HttpStatusCode status, string what)
    {
        _host.Anpr.Status = uri => uri.AbsolutePath.Contains("C020", StringComparison.Ordinal)
            ? AnprSamples.Json(status, "{}")
            : AnprSamples.Ok("{}");

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"C020: ANPR's gateway {what}", result.Description, StringComparison.Ordinal);
        Assert.Contains("Adapters:Anpr:EServices:C020:Audience", result.Description, StringComparison.Ordinal);
        Assert.Contains("Pdnd:Purposes:anpr-c020", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("C030", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_base_url_is_unhealthy_naming_it()
    {
        _host.Anpr.Status = uri => AnprSamples.Json(uri.AbsolutePath.Contains("C021", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, "{}");

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("Adapters:Anpr:EServices:C021:BaseUrl", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task An_unavailable_anpr_only_degrades_the_adapter(HttpStatusCode status)
    {
        _host.Anpr.Status = _ => AnprSamples.Json(status, "{}");

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    [Fact]
    public async Task A_voucher_pdnd_refuses_is_unhealthy_and_one_pdnd_cannot_issue_is_degraded()
    {
        _host.Modi.Failure = new HubProblemException(502, ErrorCodes.UpstreamRejected, "PDND refused to issue a voucher", "refused");
        var refused = await CheckAsync();
        _host.Time.Advance(_host.Options.HealthProbeInterval);
        _host.Modi.Failure = new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "PDND token endpoint unavailable", "down");
        var unavailable = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, refused.Status);
        Assert.Contains("PDND issued no voucher", refused.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, unavailable.Status);
    }

    [Fact]
    public async Task The_result_is_reused_for_the_probe_interval_so_polling_costs_anpr_nothing_more()
    {
        await CheckAsync();
        var probes = _host.Anpr.StatusRequests.Count;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CheckAsync()));
        Assert.Equal(probes, _host.Anpr.StatusRequests.Count);

        _host.Time.Advance(_host.Options.HealthProbeInterval);
        await CheckAsync();
        Assert.Equal(2 * probes, _host.Anpr.StatusRequests.Count);
    }

    [Fact]
    public async Task A_service_no_tenant_has_a_purpose_for_is_not_probed_and_says_so()
    {
        foreach (var tenant in _host.Tenants.Tenants.ToList())
        {
            var purposes = tenant.Pdnd.Purposes.Where(p => p.Key != "anpr-c019").ToDictionary();
            _host.Tenants.Tenants[_host.Tenants.Tenants.IndexOf(tenant)] = tenant with { Pdnd = tenant.Pdnd with { Purposes = purposes } };
        }

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("C019: not probed, no tenant has Pdnd:Purposes:anpr-c019", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Anpr.StatusRequests, p => p.Uri.AbsolutePath.Contains("C019", StringComparison.Ordinal));
    }
}
