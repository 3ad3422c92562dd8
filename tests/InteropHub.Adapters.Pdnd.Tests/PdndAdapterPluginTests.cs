using System.Net;
using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Adapters.Pdnd.Doctor;
using InteropHub.Adapters.Pdnd.SignalHub;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;
using InteropHub.Adapters.Pdnd.Vouchers;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Pdnd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Pdnd.Tests;

public sealed class PdndAdapterPluginTests : IDisposable
{
    private readonly PluginHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<JobOutcome> RunSignalHubJob()
    {
        using var scope = _host.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<SignalHubPullJob>();
        var declaration = Assert.Single(_host.Registration.Jobs);
        var run = job.ExecuteAsync(
            new HubJobContext(declaration.Name, declaration.Tenant, declaration.Data, _host.Time.GetUtcNow(), false),
            TestContext.Current.CancellationToken).AsTask();

        // Resilience delays run on the fake clock: move it only while the run is stalled on a timer, never while an
        // attempt is still being answered (that would fire its timeout and add a request the assertions don't expect).
        while (!run.IsCompleted)
        {
            if (await Task.WhenAny(run, Task.Delay(50, TestContext.Current.CancellationToken)) != run)
            {
                _host.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await run;
    }

    [Fact]
    public void Sound_keys_pass_the_start_validation()
    {
        _host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Is_named_Pdnd()
    {
        Assert.Equal("Pdnd", new PdndAdapterPlugin().Name);
    }

    [Fact]
    public void Registers_the_contracts_and_the_doctor()
    {
        Assert.NotNull(_host.Services.GetRequiredService<IVoucherProvider>());
        Assert.NotNull(_host.Services.GetRequiredService<IModiHandlerFactory>());
        Assert.NotNull(_host.Services.GetRequiredService<PdndDoctor>());
        Assert.Single(_host.Registration.HealthChecks);
    }

    [Fact]
    public void Declares_one_signal_hub_job_per_tenant_with_an_api_interop_client_and_e_service()
    {
        var job = Assert.Single(_host.Registration.Jobs);

        Assert.Equal($"pdnd-signalhub-demo-a-{FakeSignalHub.EServiceId}", job.Name);
        Assert.Equal(typeof(SignalHubPullJob), job.JobType);
        Assert.Equal("0 0/5 * * * ?", job.Cron);
        Assert.Equal(PdndTestBed.Tenant, job.Tenant);
        Assert.Equal(FakeSignalHub.EServiceId, job.Data[SignalHubPullJob.EServiceIdKey]);
    }

    [Fact]
    public void Declares_no_job_when_signal_hub_is_disabled()
    {
        using var host = new PluginHost(new() { ["Adapters:Pdnd:SignalHub:Enabled"] = "false" });

        Assert.Empty(host.Registration.Jobs);
    }

    [Fact]
    public async Task Signal_hub_calls_carry_the_api_interop_voucher()
    {
        _host.SignalHub.Publish(3);

        var outcome = await RunSignalHubJob();

        Assert.Equal(3, outcome.Counts["published"]);
        Assert.Equal("Bearer voucher-1", Assert.Single(_host.SignalHub.Handler.Received).Header("Authorization"));
        var assertion = Assert.Single(_host.ReceivedAssertions);
        Assert.Equal(PdndTestBed.ApiInteropClientId, assertion.Claim("sub"));
        Assert.DoesNotContain("purposeId", assertion.ClaimNames);
    }

    [Fact]
    public async Task Each_resilience_attempt_passes_the_voucher_handler_again()
    {
        // A voucher of 6 s is unusable one (fake) second later, so the retry must fetch a new one.
        _host.TokenResponder = (_, n) => StubHandler.Token($"voucher-{n}", expiresIn: 6);
        _host.SignalHub.Publish(1);
        _host.SignalHub.FailNext(HttpStatusCode.ServiceUnavailable, times: 1);

        var outcome = await RunSignalHubJob();

        Assert.Equal(1, outcome.Counts["published"]);
        var attempts = _host.SignalHub.Handler.Received.ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(["Bearer voucher-1", "Bearer voucher-2"], attempts.Select(a => a.Header("Authorization")));
    }

    [Fact]
    public async Task Logs_of_every_category_never_carry_an_assertion_or_a_voucher()
    {
        var vouchers = _host.Services.GetRequiredService<IVoucherProvider>();
        var voucher = await vouchers.GetAsync(VoucherRequest.ForPurpose(PdndTestBed.Tenant, PdndTestBed.PurposeId), TestContext.Current.CancellationToken);
        _host.TokenResponder = (_, _) => StubHandler.Json(HttpStatusCode.BadRequest, """{"errors":[{"code":"015-0008","detail":"Unable to generate a token for the given request"}]}""");
        await Assert.ThrowsAsync<PdndTokenRefusedException>(() =>
            vouchers.GetAsync(VoucherRequest.ForApiInterop(PdndTestBed.Tenant), TestContext.Current.CancellationToken).AsTask());

        var assertions = _host.TokenEndpoint.Received.Select(r => r.Form["client_assertion"]).ToList();
        var logs = _host.Logs.GetSnapshot();
        Assert.Contains(logs, l => l.Category!.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.All(logs, record =>
        {
            var text = $"{record.Message} {record.Exception} {string.Join(" ", record.StructuredState?.Select(s => s.Value) ?? [])}";
            Assert.DoesNotContain(voucher.AccessToken, text, StringComparison.Ordinal);
            Assert.All(assertions, a => Assert.DoesNotContain(a.Split('.')[1], text, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Health_is_healthy_when_the_token_endpoint_answers_whatever_the_status()
    {
        var check = _host.Registration.HealthChecks.Single()(_host.Services);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(PdndTestBed.TokenUrl, Assert.Single(_host.Probe.Received).Uri);
    }

    [Fact]
    public async Task Health_is_degraded_not_unhealthy_when_the_token_endpoint_does_not_answer()
    {
        _host.ProbeResponder = (_, _) => throw new HttpRequestException("Connection refused");
        var check = _host.Registration.HealthChecks.Single()(_host.Services);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("Connection refused", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_kid_fails_the_start_validation_naming_tenant_and_setting()
    {
        _host.Tenants.Replace(PdndTestBed.TenantWithActiveKey(first: true) with
        {
            Pdnd = PdndTestBed.TenantWithActiveKey(first: true).Pdnd with
            {
                Keys = [TestKeys.KeySettings(TestKeys.First, true, "KEY_2")],
            },
        });

        var error = Assert.Throws<OptionsValidationException>(() => _host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.StartsWith("Tenant 'demo-a': Pdnd:Keys:0:Kid:", StringComparison.Ordinal));
        Assert.NotNull(_host.Services.GetRequiredService<IOptions<PdndOptions>>().Value);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5081")]
    [InlineData("http://127.0.0.1:5081/")]
    public void Sandbox_settings_point_at_the_sandbox_with_collaudo_audiences(string sandbox)
    {
        var settings = new PdndAdapterPlugin().SandboxSettings(new Uri(sandbox));

        Assert.Equal("http://127.0.0.1:5081/token.oauth2", settings["TokenUrl"]);
        Assert.Equal("auth.uat.interop.pagopa.it/client-assertion", settings["ClientAssertionAudience"]);
        Assert.Equal("true", settings["TokenEndpointIsSandbox"]);
        Assert.Equal("http://127.0.0.1:5081", settings["SignalHub:BaseUrl"]);
        Assert.Equal("uat.interop.pagopa.it/m2m", settings["SignalHub:Audience"]);
    }

    [Fact]
    public void Sandbox_settings_bind_to_valid_options()
    {
        var options = new ConfigurationBuilder()
            .AddInMemoryCollection(new PdndAdapterPlugin().SandboxSettings(new Uri("http://127.0.0.1:5081")))
            .Build()
            .Get<PdndOptions>()!;

        Assert.Empty(options.Validate());
        Assert.True(options.TokenEndpointIsSandbox);
    }
}
