using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox.PagoPa;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Reconciliation;

/// <summary>
/// The hub process killed while it acquires reporting flows: the restarted hub acquires the rest, every flow is stored
/// once, and matching then reports each payment once.
/// </summary>
public sealed class ReconciliationCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hub_killed_mid_acquisition_stores_each_flow_once_after_the_restart()
    {
        using var pagoPa = new ExternalPagoPa();
        var directory = HubFactory.NewDirectory();
        try
        {
            var settings = pagoPa.Settings(directory);
            string[] psps = ["PSPALPHA01", "PSPBETA002", "PSPGAMMA03"];
            using (var hub = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = hub.Client(ExternalPagoPa.Key);
                foreach (var psp in psps)
                {
                    var payment = await CreatedAsync(client, Single());
                    pagoPa.Sandbox.Pay(new PagoPaPayment(ExternalPagoPa.FiscalCode, payment.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()) { PspId = psp, PspName = psp });
                }

                Assert.Equal(3, pagoPa.Sandbox.PublishFlows(ExternalPagoPa.FiscalCode).Count);
                await JobRuns.TriggerAndWaitAsync(client, "pagopa.receipts.alpha", Ct);

                // FdR is paced at one call per second: the run is still going when the first flow is stored.
                using var trigger = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/jobs/pagopa.fdr.alpha/trigger");
                trigger.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                (await client.SendAsync(trigger, Ct)).EnsureSuccessStatusCode();
                await hub.EventuallyAsync(async () => (await FlowsAsync(client)).GetProperty("total").GetInt32() >= 1, Ct);
                hub.Kill();
            }

            using (var restarted = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = restarted.Client(ExternalPagoPa.Key);
                var stoppedAt = (await FlowsAsync(client)).GetProperty("total").GetInt32();
                var run = await JobRuns.TriggerAndWaitAsync(client, "pagopa.fdr.alpha", Ct);
                var match = await JobRuns.TriggerAndWaitAsync(client, "pagopa.match.alpha", Ct);

                Assert.InRange(stoppedAt, 1, 2);
                Assert.Equal(3 - stoppedAt, run.GetProperty("counts").GetProperty("stored").GetInt64());
                var flows = await FlowsAsync(client);
                Assert.Equal(3, flows.GetProperty("total").GetInt32());
                Assert.Equal(psps, flows.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("pspId").GetString()).Order());
                Assert.Equal(3, match.GetProperty("counts").GetProperty("reported").GetInt64());
                Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/v1/payments?status=reported", Ct)).GetProperty("total").GetInt32());
                Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/v1/reconciliation/anomalies", Ct)).GetProperty("total").GetInt32());
            }
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    private static Task<JsonElement> FlowsAsync(HttpClient client) => client.GetFromJsonAsync<JsonElement>("/v1/reconciliation/flows", Ct);
}
