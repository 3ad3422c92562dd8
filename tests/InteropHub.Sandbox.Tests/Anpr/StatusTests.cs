using InteropHub.Sandbox.Anpr;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary><c>GET …/status</c> sits behind the same gateway as the operation: no voucher, no answer (GovWay's 401).</summary>
public sealed class StatusTests : IDisposable
{
    private readonly AnprHost _host = new(new AnprSandboxSettings { StrictModi = new HashSet<string> { "C030" } });

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Status_without_a_voucher_is_401_token_authentication_required_with_a_govway_id()
    {
        using var response = await _host.Status("C020");

        Assert.Equal(401, (int)response.StatusCode);
        var body = await AnprHost.Json(response);
        Assert.Equal("TokenAuthenticationRequired", body.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("govway_id").GetString()));
        Assert.True(response.Headers.Contains("GovWay-Transaction-ID"));
    }

    [Fact]
    public async Task Status_with_a_voucher_answers_anprs_ok()
    {
        using var response = await _host.Status("C020", consumer: "client-a");

        Assert.Equal(200, (int)response.StatusCode);
        var entry = (await AnprHost.Json(response)).GetProperty("listaErrori")[0];
        Assert.Equal("200", entry.GetProperty("codiceErroreAnomalia").GetString());
    }

    [Fact]
    public async Task Under_strict_modi_status_needs_a_real_voucher_and_tracking_evidence()
    {
        using var client = new ModiClient(_host, "C030");
        using var unsigned = await _host.Status("C030", consumer: "client-a");
        using var real = await client.Status();

        Assert.Equal(400, (int)unsigned.StatusCode);
        Assert.Contains("[Header 'Authorization'] Firma del token non valida", _host.Anpr.LastRefusal()!.Reasons);
        Assert.Equal(200, (int)real.StatusCode);
    }

    [Fact]
    public async Task Under_strict_modi_a_voucher_for_another_audience_is_refused_on_status_too()
    {
        using var client = new ModiClient(_host, "C030", purposeAudience: AnprService.CollaudoAudience("C020-servizioAccertamentoResidenza"));

        using var response = await client.Status();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("Token contenente un claim 'aud' non valido", _host.Anpr.LastRefusal()!.Reasons);
    }
}
