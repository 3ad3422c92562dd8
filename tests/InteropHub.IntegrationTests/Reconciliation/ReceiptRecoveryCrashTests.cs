using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox.PagoPa;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Reconciliation;

/// <summary>
/// The hub process killed while receipt recovery waits on Biz-Events, one receipt already recorded: the restarted hub
/// keeps that one as it is, and the next run records the others, reports each payment once and resolves every
/// anomaly, with one event per change.
/// </summary>
[Collection(HubKillCollection.Name)]
public sealed class ReceiptRecoveryCrashTests
{
    private const string Recovery = "pagopa.receipt-recovery.alpha";
    private const int Payments = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hub_killed_while_biz_events_answers_slowly_records_each_receipt_once_after_the_restart()
    {
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        var directory = HubFactory.NewDirectory();
        try
        {
            var settings = pagoPa.Settings(directory).WithQuietCrons();
            var key = File.ReadAllText(settings["Hub:Tenants:0:PagoPa:GpdSubscriptionKey:File"]!);
            var receipts = new Dictionary<Guid, string>();
            using (var hub = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = hub.Client(ExternalPagoPa.Key);
                for (var i = 0; i < Payments; i++)
                {
                    var payment = await CreatedAsync(client, Single(10_000 + i));
                    var receipt = pagoPa.Sandbox.Pay(new PagoPaPayment(ExternalPagoPa.FiscalCode, payment.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));
                    receipts[payment.GetProperty("id").GetGuid()] = receipt.ReceiptId;
                }

                // No receipts sync ran: the flow reports payments the hub has no receipt for.
                Assert.Single(pagoPa.Sandbox.PublishFlows(ExternalPagoPa.FiscalCode));
                await JobRuns.TriggerAndWaitAsync(client, "pagopa.fdr.alpha", Ct);
                await JobRuns.TriggerAndWaitAsync(client, "pagopa.match.alpha", Ct);
                Assert.Equal(Payments, await TotalAsync(client, "/v1/reconciliation/anomalies?status=open&code=reported-without-receipt"));

                // Biz-Events answers the first receipt at once and holds the next: the run has recorded one and waits.
                var before = pagoPa.Sandbox.RequestCount(key);
                pagoPa.Sandbox.Faults = new PagoPaFaults(TimeSpan.FromMinutes(2), 0) { LatencyAfterCalls = 1 };
                await JobRuns.TriggerAsync(client, Recovery, Ct);
                await hub.EventuallyAsync(() => Task.FromResult(pagoPa.Sandbox.RequestCount(key) - before == 2), Ct);
                hub.Kill();
            }

            pagoPa.Sandbox.Faults = PagoPaFaults.None;
            using (var restarted = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = restarted.Client(ExternalPagoPa.Key);
                Assert.Equal("interrupted", (await JobRuns.LastRunAsync(client, Recovery, Ct))?.GetProperty("status").GetString());
                Assert.Equal(1, await TotalAsync(client, "/v1/payments?status=paid"));
                Assert.Equal(Payments, await TotalAsync(client, "/v1/reconciliation/anomalies?status=open"));

                var run = await JobRuns.TriggerAndWaitAsync(client, Recovery, Ct);
                var again = await JobRuns.TriggerAndWaitAsync(client, Recovery, Ct);

                Assert.True(run.GetProperty("counts").GetProperty("resolved").GetInt64() == Payments, run.GetRawText());

                // The receipt recorded before the kill is not asked for again, nor counted as recovered twice.
                Assert.True(
                    (run.GetProperty("counts").GetProperty("known").GetInt64(), run.GetProperty("counts").GetProperty("recovered").GetInt64()) == (1, Payments - 1),
                    run.GetRawText());
                Assert.True(again.GetProperty("counts").GetProperty("open").GetInt64() == 0, again.GetRawText());
                foreach (var (id, receiptId) in receipts)
                {
                    var payment = await client.GetFromJsonAsync<JsonElement>($"/v1/payments/{id}", Ct);
                    Assert.Equal(("reported", receiptId), (payment.GetProperty("status").GetString(), payment.GetProperty("notices")[0].GetProperty("receiptId").GetString()));
                }

                var events = await EventFeed.AllAsync(client, Ct);
                var subjects = receipts.Keys.Select(id => $"payments/{id}").Order();
                Assert.Equal(subjects, events.Subjects("payment.paid").Order());
                Assert.Equal(subjects, events.Subjects("payment.reported").Order());
                Assert.Equal(Payments, events.Subjects("reconciliation.anomaly").Count);
                var resolved = (await client.GetFromJsonAsync<JsonElement>("/v1/reconciliation/anomalies?status=resolved", Ct)).GetProperty("items").EnumerateArray().ToList();
                Assert.Equal(Payments, resolved.Count);
                Assert.All(resolved, a => Assert.Equal("matcher", a.GetProperty("resolvedBy").GetString()));
                Assert.Equal(0, await TotalAsync(client, "/v1/reconciliation/anomalies?status=open"));
            }
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    private static async Task<int> TotalAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("total").GetInt32();
}
