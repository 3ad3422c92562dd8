using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Adapters.Pdnd.Doctor;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Tenancy;
using InteropHub.Host;
using InteropHub.Host.Sandbox;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.Pdnd;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Pdnd;

/// <summary>The PDND adapter inside the real hub, against the PDND sandbox it provisions for the demo tenants.</summary>
public sealed class PdndSandboxTests : IAsyncLifetime
{
    // Information and up, so the log scans below see what an operator's logs would hold.
    private readonly HubFactory _hub = new(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });

    public ValueTask InitializeAsync()
    {
        _ = _hub.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private HubRuntime Runtime => _hub.Services.GetRequiredService<HubRuntime>();

    private PdndSandbox Sandbox => Runtime.SandboxHost!.Pdnd;

    private TenantSettings Tenant(string id) => Runtime.Tenants.Single(t => t.Id == id);

    [Fact]
    public async Task Doctor_finds_a_demo_tenant_ready_with_a_real_voucher_per_purpose()
    {
        var checks = await _hub.Services.GetRequiredService<PdndDoctor>().RunAsync(TenantId.Parse("demo-a"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(checks, c => c.Verdict == DoctorVerdict.Fail);
        Assert.Contains(checks, c => c.Name == "token anpr-c030" && c.Verdict == DoctorVerdict.Pass);
        Assert.Contains(checks, c => c.Name == "token api-interop" && c.Verdict == DoctorVerdict.Pass);
        Assert.Contains(checks, c => c.Name == "key 0" && c.Verdict == DoctorVerdict.Pass);
    }

    [Fact]
    public async Task Doctor_reports_the_reason_the_sandbox_gives_for_a_refusal()
    {
        var tenant = Tenant("demo-a");
        var purpose = Guid.Parse(tenant.Pdnd.Purposes["anpr-c030"]);
        Sandbox.RegisterPurpose(new PdndPurpose
        {
            PurposeId = purpose,
            ClientId = Guid.Parse(tenant.Pdnd.ClientId!),
            EServiceId = Guid.NewGuid(),
            Audiences = ["https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C030-servizioAccertamentoIdUnicoNazionale/v1"],
            State = PdndState.Suspended,
        });

        var checks = await _hub.Services.GetRequiredService<PdndDoctor>().RunAsync(TenantId.Parse("demo-a"), TestContext.Current.CancellationToken);

        var refused = checks.Single(c => c.Name == "token anpr-c030");
        Assert.DoesNotContain("PRIVATE KEY", _hub.Logs.Text, StringComparison.Ordinal);
        Assert.Equal(DoctorVerdict.Fail, refused.Verdict);
        Assert.Contains("Sandbox says", refused.Detail);
        Assert.Contains(purpose.ToString(), refused.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DoctorVerdict.Pass, checks.Single(c => c.Name == "token anpr-c020").Verdict);
    }

    [Fact]
    public async Task A_thousand_concurrent_callers_cause_one_token_request_at_the_sandbox()
    {
        var tenant = Tenant("demo-b");
        var client = Guid.Parse(tenant.Pdnd.ClientId!);
        var request = VoucherRequest.ForPurpose(TenantId.Parse("demo-b"), tenant.Pdnd.Purposes["anpr-c021"]);
        var vouchers = _hub.Services.GetRequiredService<IVoucherProvider>();
        var before = Sandbox.TokenRequests(client).Requests;

        var issued = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => vouchers.GetAsync(request, TestContext.Current.CancellationToken).AsTask()));

        Assert.Equal(1, Sandbox.TokenRequests(client).Requests - before);
        var voucher = Assert.Single(issued.Select(v => v.AccessToken).Distinct());
        Assert.NotEmpty(_hub.Logs.Text);
        Assert.DoesNotContain(voucher, _hub.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(voucher.Split('.')[1], _hub.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signal_hub_job_turns_sandbox_signals_into_events_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var a = _hub.ClientWithKey(DemoTenants.KeyA);
        using var b = _hub.ClientWithKey(DemoTenants.KeyB);
        var job = $"pdnd-signalhub-demo-a-{DemoPdnd.SignalEServiceId}";

        await JobRuns.TriggerAndWaitAsync(a, job, ct);
        Assert.Equal(3, await SignalCountAsync(a, ct));

        await JobRuns.TriggerAndWaitAsync(a, job, ct);
        Assert.Equal(3, await SignalCountAsync(a, ct));

        Sandbox.SeedSignal(DemoPdnd.SignalEServiceId, PdndSignalType.Delete, "demo-subject-9", "residenza");
        var run = await JobRuns.TriggerAndWaitAsync(a, job, ct);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(4, await SignalCountAsync(a, ct));

        // demo-b's job did not run: its feed has none of demo-a's signals.
        Assert.Equal(0, await SignalCountAsync(b, ct));
    }

    private static async Task<int> SignalCountAsync(HttpClient client, CancellationToken ct)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/v1/events?limit=1000", ct);
        return page.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "registry.signal");
    }
}
