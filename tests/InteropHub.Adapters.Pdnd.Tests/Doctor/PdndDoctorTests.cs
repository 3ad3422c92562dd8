using System.Net;
using System.Text;
using InteropHub.Adapters.Pdnd.Doctor;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Adapters.Pdnd.Tests.Doctor;

public sealed class PdndDoctorTests : IDisposable
{
    private const string Refusal = """{"errors":[{"code":"015-0008","detail":"Unable to generate a token for the given request"}]}""";

    private readonly PluginHost _host;

    public PdndDoctorTests()
    {
        _host = new PluginHost();
        _host.ProbeResponder = (_, _) => WithDate(_host.Time.GetUtcNow());
        // PDND joins a voucher's audiences with commas: this one serves the e-service's purpose and Signal Hub.
        _host.TokenResponder = (_, _) => StubHandler.Token(UnsignedJwt($"{PdndTestBed.EServiceAudience},uat.interop.pagopa.it/m2m"));
    }

    public void Dispose() => _host.Dispose();

    private static HttpResponseMessage WithDate(DateTimeOffset date)
    {
        var response = new HttpResponseMessage(HttpStatusCode.MethodNotAllowed);
        response.Headers.Date = date;
        return response;
    }

    private static string UnsignedJwt(string audience) =>
        $"{TestKeys.Base64Url(Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"at+jwt"}"""))}.{TestKeys.Base64Url(Encoding.UTF8.GetBytes($$"""{"aud":"{{audience}}"}"""))}.c2ln";

    private async Task<Dictionary<string, DoctorCheck>> Run(string tenant = "demo-a")
    {
        var checks = await _host.Services.GetRequiredService<PdndDoctor>().RunAsync(TenantId.Parse(tenant), TestContext.Current.CancellationToken);
        return checks.ToDictionary(c => c.Name);
    }

    [Fact]
    public async Task A_sound_setup_passes_every_check()
    {
        var checks = await Run();

        Assert.Equal(["key 0", "key 1", "e-service anpr-c030", "clock", "token anpr-c030", "token api-interop"], checks.Keys);
        Assert.All(checks.Values, c => Assert.Equal(DoctorVerdict.Pass, c.Verdict));
        Assert.Contains("(active)", checks["key 0"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kid_mismatch_fails_its_key_and_makes_no_token_request()
    {
        _host.Tenants.Replace(PdndTestBed.TenantWithActiveKey(first: true) with
        {
            Pdnd = PdndTestBed.TenantWithActiveKey(first: true).Pdnd with { Keys = [TestKeys.KeySettings(TestKeys.First, true, "KEY_2")] },
        });

        var checks = await Run();

        Assert.Equal(DoctorVerdict.Fail, checks["key 0"].Verdict);
        Assert.StartsWith("Pdnd:Keys:0:Kid:", checks["key 0"].Detail, StringComparison.Ordinal);
        Assert.Equal(DoctorVerdict.Fail, checks["token"].Verdict);
        Assert.Equal(0, _host.TokenEndpoint.Count);
    }

    [Fact]
    public async Task An_e_service_without_the_tenants_purpose_fails()
    {
        _host.Tenants.Replace(PdndTestBed.TenantWithActiveKey(first: true) with
        {
            Pdnd = PdndTestBed.TenantWithActiveKey(first: true).Pdnd with { Purposes = new Dictionary<string, string>() },
        });

        var checks = await Run();

        Assert.Equal(DoctorVerdict.Fail, checks["e-service anpr-c030"].Verdict);
        Assert.Contains("Pdnd:Purposes:anpr-c030", checks["e-service anpr-c030"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_from_the_sandbox_comes_with_its_reason()
    {
        using var host = new PluginHost(new() { ["Adapters:Pdnd:TokenEndpointIsSandbox"] = "true" });
        host.TokenResponder = (_, _) => StubHandler.Json(HttpStatusCode.BadRequest, Refusal);
        host.ProbeResponder = (request, _) => request.RequestUri!.AbsolutePath.EndsWith("/last-refusal", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("invalidPurposeState: Purpose is not active") }
            : WithDate(host.Time.GetUtcNow());

        var checks = (await host.Services.GetRequiredService<PdndDoctor>().RunAsync(PdndTestBed.Tenant, TestContext.Current.CancellationToken))
            .ToDictionary(c => c.Name);

        Assert.Equal(DoctorVerdict.Fail, checks["token anpr-c030"].Verdict);
        Assert.Contains("015-0008", checks["token anpr-c030"].Detail, StringComparison.Ordinal);
        Assert.EndsWith("Sandbox says: invalidPurposeState: Purpose is not active", checks["token anpr-c030"].Detail, StringComparison.Ordinal);
        Assert.Contains(host.Probe.Received, r => r.Uri.AbsoluteUri == $"http://pdnd.test/__sandbox/pdnd/clients/{PdndTestBed.ClientId}/last-refusal");
    }

    [Fact]
    public async Task Outside_sandbox_mode_the_refusal_endpoint_is_never_called()
    {
        _host.TokenResponder = (_, _) => StubHandler.Json(HttpStatusCode.BadRequest, Refusal);

        var checks = await Run();

        Assert.Equal(DoctorVerdict.Fail, checks["token anpr-c030"].Verdict);
        Assert.DoesNotContain("Sandbox says", checks["token anpr-c030"].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Probe.Received, r => r.Uri.AbsolutePath.Contains("__sandbox", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, DoctorVerdict.Pass)]
    [InlineData(-4, DoctorVerdict.Warn)]
    [InlineData(10, DoctorVerdict.Fail)]
    public async Task Clock_is_judged_against_the_token_endpoints_date(int serverAheadSeconds, DoctorVerdict verdict)
    {
        _host.ProbeResponder = (_, _) => WithDate(_host.Time.GetUtcNow().AddSeconds(serverAheadSeconds));

        var checks = await Run();

        Assert.Equal(verdict, checks["clock"].Verdict);
    }

    [Fact]
    public async Task An_unanswering_token_endpoint_fails_the_clock_check()
    {
        _host.ProbeResponder = (_, _) => throw new HttpRequestException("Connection refused");

        var checks = await Run();

        Assert.Equal(DoctorVerdict.Fail, checks["clock"].Verdict);
    }

    [Fact]
    public async Task An_api_interop_voucher_for_another_audience_fails()
    {
        _host.TokenResponder = (_, _) => StubHandler.Token(UnsignedJwt("interop.pagopa.it/m2m"));

        var checks = await Run();

        Assert.Equal(DoctorVerdict.Fail, checks["token api-interop"].Verdict);
        Assert.Contains("Adapters:Pdnd:SignalHub:Audience", checks["token api-interop"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voucher_that_is_not_a_jwt_fails_the_audience_check_without_throwing()
    {
        _host.TokenResponder = (_, _) => StubHandler.Token("opaque");

        var checks = await Run();

        Assert.Equal(DoctorVerdict.Fail, checks["token api-interop"].Verdict);
        Assert.Equal(DoctorVerdict.Warn, checks["token anpr-c030"].Verdict);
    }

    [Fact]
    public async Task An_e_service_voucher_for_another_audience_fails_naming_the_setting()
    {
        _host.TokenResponder = (_, _) => StubHandler.Token(UnsignedJwt("https://producer.test/other/v1,uat.interop.pagopa.it/m2m"));

        var checks = await Run();

        Assert.Equal(DoctorVerdict.Fail, checks["token anpr-c030"].Verdict);
        Assert.Contains("Adapters:Pdnd:EServices:anpr-c030:Audience", checks["token anpr-c030"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_check_ever_shows_a_voucher()
    {
        var voucher = UnsignedJwt("uat.interop.pagopa.it/m2m");
        _host.TokenResponder = (_, _) => StubHandler.Token(voucher);

        var checks = await Run();

        Assert.All(checks.Values, c => Assert.DoesNotContain(voucher, c.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_tenant_is_one_failed_check()
    {
        var checks = await Run("nowhere");

        Assert.Equal(DoctorVerdict.Fail, Assert.Single(checks.Values).Verdict);
    }
}
