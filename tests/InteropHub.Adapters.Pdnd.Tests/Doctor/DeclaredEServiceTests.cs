using System.Net;
using System.Text;
using InteropHub.Adapters.Pdnd.Doctor;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;
using InteropHub.Contracts.Pdnd;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Adapters.Pdnd.Tests.Doctor;

/// <summary>Doctor checks the audiences of e-services other adapters declare (ANPR's), against the known mistakes and the voucher.</summary>
public sealed class DeclaredEServiceTests
{
    private const string Setting = "Adapters:Anpr:EServices:C020:Audience";
    private const string Right = "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C020-servizioAccertamentoResidenza/v1";
    private const string PdndUrl = "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND/C020-servizioAccertamentoResidenza/v1";

    private static async Task<Dictionary<string, DoctorCheck>> RunAsync(string audience, string voucherAudience = Right, bool purpose = true)
    {
        using var host = new PluginHost(eServiceSources: [new Source(audience)]);
        var tenant = PdndTestBed.TenantWithActiveKey(first: true);
        if (purpose)
        {
            host.Tenants.Replace(tenant with
            {
                Pdnd = tenant.Pdnd with { Purposes = new Dictionary<string, string>(tenant.Pdnd.Purposes) { ["anpr-c020"] = "purpose-c020" } },
            });
        }

        host.ProbeResponder = (_, _) => new HttpResponseMessage(HttpStatusCode.MethodNotAllowed) { Headers = { Date = host.Time.GetUtcNow() } };
        host.TokenResponder = (_, _) => StubHandler.Token(Jwt($"{voucherAudience},{PdndTestBed.EServiceAudience},uat.interop.pagopa.it/m2m"));
        var checks = await host.Services.GetRequiredService<PdndDoctor>().RunAsync(PdndTestBed.Tenant, TestContext.Current.CancellationToken);
        return checks.ToDictionary(c => c.Name);
    }

    [Fact]
    public async Task The_pdnd_url_with_the_operation_fails_naming_the_setting_and_the_right_audience()
    {
        var checks = await RunAsync(PdndUrl + "/anpr-service-e002");

        var check = checks["e-service anpr-c020"];
        Assert.Equal(DoctorVerdict.Fail, check.Verdict);
        Assert.StartsWith($"{Setting} '{PdndUrl}/anpr-service-e002'", check.Detail, StringComparison.Ordinal);
        Assert.Contains("'/anpr-service-e002'", check.Detail, StringComparison.Ordinal);
        Assert.Contains("'MinInternoPortaANPR-PDND'", check.Detail, StringComparison.Ordinal);
        Assert.EndsWith($"most likely '{Right}'.", check.Detail, StringComparison.Ordinal);
        Assert.Equal(DoctorVerdict.Fail, checks["token anpr-c020"].Verdict);
        Assert.Contains(Setting, checks["token anpr-c020"].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Right + "/", "ends with '/'")]
    [InlineData(Right + "/status", "'/status'")]
    [InlineData(PdndUrl, "'MinInternoPortaANPR-PDND'")]
    [InlineData(PdndTestBed.ClientAssertionAudience, "client-assertion audience")]
    public async Task Each_known_mistake_fails_naming_the_setting(string audience, string why)
    {
        var check = (await RunAsync(audience))["e-service anpr-c020"];

        Assert.Equal(DoctorVerdict.Fail, check.Verdict);
        Assert.Contains(Setting, check.Detail, StringComparison.Ordinal);
        Assert.Contains(why, check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_right_audience_matching_the_voucher_passes()
    {
        var checks = await RunAsync(Right);

        Assert.Equal(DoctorVerdict.Pass, checks["e-service anpr-c020"].Verdict);
        Assert.Equal(DoctorVerdict.Pass, checks["token anpr-c020"].Verdict);
        Assert.All(checks.Values, c => Assert.NotEqual(DoctorVerdict.Fail, c.Verdict));
    }

    [Fact]
    public async Task A_well_formed_audience_the_voucher_does_not_carry_fails_its_token_check_naming_the_setting()
    {
        var checks = await RunAsync(Right, voucherAudience: "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C021-servizioAccertamentoStatoFamiglia/v1");

        Assert.Equal(DoctorVerdict.Pass, checks["e-service anpr-c020"].Verdict);
        Assert.Equal(DoctorVerdict.Fail, checks["token anpr-c020"].Verdict);
        Assert.Contains($"not {Setting} '{Right}'", checks["token anpr-c020"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_e_service_the_tenant_has_no_purpose_for_is_a_warning()
    {
        var checks = await RunAsync(Right, purpose: false);

        Assert.Equal(DoctorVerdict.Warn, checks["e-service anpr-c020"].Verdict);
        Assert.Contains("Pdnd:Purposes:anpr-c020", checks["e-service anpr-c020"].Detail, StringComparison.Ordinal);
        Assert.False(checks.ContainsKey("token anpr-c020"));
    }

    [Fact]
    public async Task A_missing_audience_fails_naming_the_setting()
    {
        var check = (await RunAsync(""))["e-service anpr-c020"];

        Assert.Equal(DoctorVerdict.Fail, check.Verdict);
        Assert.Equal($"{Setting} is missing.", check.Detail);
    }

    private static string Jwt(string audience) =>
        $"{TestKeys.Base64Url(Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"at+jwt"}"""))}.{TestKeys.Base64Url(Encoding.UTF8.GetBytes($$"""{"aud":"{{audience}}"}"""))}.c2ln";

    private sealed class Source(string audience) : IPdndEServiceSource
    {
        public IReadOnlyList<PdndEServiceDeclaration> EnabledEServices() =>
            [new PdndEServiceDeclaration("anpr-c020", audience, Setting, ["anpr-service-e002", "status"])];
    }
}
