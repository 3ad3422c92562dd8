using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox.PagoPa;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Reconciliation;

/// <summary>
/// The hub process killed while it acquires reporting flows or syncs receipts: the restarted hub finishes the work,
/// every flow and every receipt is stored once, and matching then reports each payment once.
/// </summary>
[Collection(HubKillCollection.Name)]
public sealed class ReconciliationCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hub_killed_mid_acquisition_stores_each_flow_once_after_the_restart()
    {
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        var directory = HubFactory.NewDirectory();
        try
        {
            var settings = pagoPa.Settings(directory).WithQuietCrons();
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

                // FdR answers the list and the first flow's header and lines at once, then holds the next call: however
                // slowly the test polls, the run stores one flow and waits there for the kill.
                pagoPa.Sandbox.Faults = new PagoPaFaults(TimeSpan.FromMinutes(2), 0) { LatencyAfterCalls = 3 };
                await JobRuns.TriggerAsync(client, "pagopa.fdr.alpha", Ct);
                await hub.EventuallyAsync(async () => (await FlowsAsync(client)).GetProperty("total").GetInt32() >= 1, Ct);
                hub.Kill();
            }

            pagoPa.Sandbox.Faults = PagoPaFaults.None;
            using (var restarted = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = restarted.Client(ExternalPagoPa.Key);
                Assert.Equal("interrupted", (await JobRuns.LastRunAsync(client, "pagopa.fdr.alpha", Ct))?.GetProperty("status").GetString());
                var stoppedAt = (await FlowsAsync(client)).GetProperty("total").GetInt32();
                var run = await JobRuns.TriggerAndWaitAsync(client, "pagopa.fdr.alpha", Ct);
                var match = await JobRuns.TriggerAndWaitAsync(client, "pagopa.match.alpha", Ct);

                Assert.InRange(stoppedAt, 1, psps.Length - 1);
                Assert.Equal(3 - stoppedAt, run.GetProperty("counts").GetProperty("stored").GetInt64());
                var flows = await FlowsAsync(client);
                Assert.Equal(3, flows.GetProperty("total").GetInt32());
                Assert.Equal(psps, flows.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("pspId").GetString()).Order());
                Assert.Equal(3, match.GetProperty("counts").GetProperty("reported").GetInt64());
                Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/v1/payments?status=reported", Ct)).GetProperty("total").GetInt32());
                Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/v1/reconciliation/anomalies", Ct)).GetProperty("total").GetInt32());
                var reported = (await EventFeed.AllAsync(client, Ct)).Subjects("payment.reported");
                Assert.Equal(3, reported.Distinct().Count());
                Assert.Equal(3, reported.Count);
            }
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task A_hub_killed_mid_receipts_sync_leaves_nothing_half_done_and_the_restart_records_each_payment_once()
    {
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        var directory = HubFactory.NewDirectory();
        try
        {
            var settings = pagoPa.Settings(directory).WithQuietCrons();
            using (var hub = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = hub.Client(ExternalPagoPa.Key);
                for (var i = 0; i < 3; i++)
                {
                    var payment = await CreatedAsync(client, Single());
                    pagoPa.Sandbox.Pay(new PagoPaPayment(ExternalPagoPa.FiscalCode, payment.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));
                }

                // GPD answers the paid list slowly: the run is inside its GPD call when the process dies.
                pagoPa.Sandbox.Faults = new PagoPaFaults(TimeSpan.FromMinutes(2), 0);
                await JobRuns.TriggerAsync(client, "pagopa.receipts.alpha", Ct);
                await hub.EventuallyAsync(async () => (await JobRuns.LastRunAsync(client, "pagopa.receipts.alpha", Ct))?.GetProperty("status").GetString() == "running", Ct);
                hub.Kill();
            }

            pagoPa.Sandbox.Faults = PagoPaFaults.None;
            using (var restarted = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = restarted.Client(ExternalPagoPa.Key);
                Assert.Equal("interrupted", (await JobRuns.LastRunAsync(client, "pagopa.receipts.alpha", Ct))?.GetProperty("status").GetString());
                Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/v1/payments?status=paid", Ct)).GetProperty("total").GetInt32());

                var run = await JobRuns.TriggerAndWaitAsync(client, "pagopa.receipts.alpha", Ct);
                var again = await JobRuns.TriggerAndWaitAsync(client, "pagopa.receipts.alpha", Ct);

                Assert.Equal(3, run.GetProperty("counts").GetProperty("recorded").GetInt64());
                Assert.Equal(3, again.GetProperty("counts").GetProperty("listed").GetInt64());
                Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/v1/payments?status=paid", Ct)).GetProperty("total").GetInt32());
                var events = (await client.GetFromJsonAsync<JsonElement>("/v1/events?limit=1000", Ct)).GetProperty("events").EnumerateArray();
                Assert.Equal(3, events.Count(e => e.GetProperty("type").GetString() == "payment.paid"));
            }
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    private static Task<JsonElement> FlowsAsync(HttpClient client) => client.GetFromJsonAsync<JsonElement>("/v1/reconciliation/flows", Ct);
}
