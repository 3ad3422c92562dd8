using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.PagoPa;
using Microsoft.Extensions.DependencyInjection;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Reconciliation;

/// <summary>FdR acquisition resumes exactly after the last flow it stored, to the sub-second: a stored flow is never fetched again.</summary>
public sealed class FdrWatermarkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_flow_already_stored_is_not_fetched_again_by_the_next_run()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?>().WithQuietCrons());
        var client = hub.ClientWithKey("sandbox-key-a");
        var runtime = hub.Services.GetRequiredService<HubRuntime>();
        var sandbox = runtime.SandboxHost!.PagoPa;
        var payment = await CreatedAsync(client, Single(10_000));
        sandbox.Pay(new PagoPaPayment(DemoAFiscalCode, payment.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));
        var flow = Assert.Single(sandbox.PublishFlows(DemoAFiscalCode));

        var first = await JobRuns.TriggerAndWaitAsync(client, "pagopa.fdr.demo-a", Ct);
        var second = await JobRuns.TriggerAndWaitAsync(client, "pagopa.fdr.demo-a", Ct);

        Assert.Equal(1, first.GetProperty("counts").GetProperty("stored").GetInt64());
        Assert.Equal(0, second.GetProperty("counts").GetProperty("listed").GetInt64());
        var fdr = (await SandboxCall.LogAsync(runtime.SandboxHost.PagoPaUrl, Ct)).Where(c => c.Path.Contains("/fdrs", StringComparison.Ordinal)).ToList();
        Assert.Single(fdr, c => c.Path.EndsWith($"/fdrs/{flow.FlowId}/revisions/{flow.Revision}/psps/{flow.PspId}", StringComparison.Ordinal));
        Assert.Equal(2, fdr.Count(c => c.Path.EndsWith("/fdrs", StringComparison.Ordinal)));
        Assert.DoesNotContain(fdr, c => c.Status == 429);
    }
}
