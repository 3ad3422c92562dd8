using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox.PagoPa;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>
/// A matching pass whose instance is killed while it waits for the write lock is run again by the surviving instance:
/// each payment reported once and each anomaly raised once, each with one event.
/// </summary>
[Collection(HubClusterCollection.Name)]
public sealed class FailoverPassTests
{
    private const string Match = "pagopa.match.alpha";
    private const int Payments = 60;
    private const int Shares = 2;

    private static readonly string[] Psps = ["PSPALPHA01", "PSPBETA002"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_matching_pass_whose_instance_is_killed_is_run_again_by_another_and_reports_each_payment_once()
    {
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        await using var cluster = await ClusterHubs.CreateAsync(pagoPa);
        var first = await cluster.StartAsync(1);
        var second = cluster.StartAsync(2);
        using (var client = first.Client(ExternalPagoPa.Key))
        {
            await CreateAndPayAsync(client, pagoPa.Sandbox);
            var synced = await JobRuns.TriggerAndWaitAsync(client, "pagopa.receipts.alpha", Ct);
            Assert.True(synced.GetProperty("counts").GetProperty("recorded").GetInt64() == Payments, synced.GetRawText());

            // The second publication repeats every line of the first: each of its lines is a 007102 anomaly.
            pagoPa.Sandbox.PublishFlows(ExternalPagoPa.FiscalCode);
            pagoPa.Sandbox.PublishFlows(ExternalPagoPa.FiscalCode);
            var acquired = await JobRuns.TriggerAndWaitAsync(client, "pagopa.fdr.alpha", Ct);
            Assert.True(acquired.GetProperty("counts").GetProperty("stored").GetInt64() == Psps.Length * 2, acquired.GetRawText());
            await second;

            // The pass starts, then waits for the write lock the test holds: its instance dies inside it.
            RunRow killed;
            HubProcess survivor;
            await using (await cluster.HoldWriteLockAsync())
            {
                await JobRuns.TriggerAsync(client, Match, Ct);
                (killed, var hub) = await FailoverTests.BlockedRunAsync(cluster, Match);
                survivor = cluster.Kill(hub)[0];
            }

            await AssertRunAgainAsync(cluster, survivor, killed);
        }
    }

    private static async Task AssertRunAgainAsync(ClusterHubs cluster, HubProcess survivor, RunRow killed)
    {
        await survivor.EventuallyAsync(async () => (await cluster.RunsAsync(Match)).Any(r => r.Id > killed.Id && r.Status != "Running"), Ct);
        await FailoverTests.AssertTakenOverAsync(cluster, Match, killed);
        using var client = survivor.Client(ExternalPagoPa.Key);
        var events = await EventFeed.AllAsync(client, Ct);
        Assert.Equal(Payments, await TotalAsync(client, "/v1/payments?status=reported"));
        Assert.Equal(Payments, events.Subjects("payment.reported").Count);
        Assert.Equal(Payments, events.Subjects("payment.reported").Distinct().Count());
        Assert.Equal(Payments * Shares, await TotalAsync(client, "/v1/reconciliation/anomalies?code=007102"));
        Assert.Equal(Payments * Shares, await TotalAsync(client, "/v1/reconciliation/anomalies"));
        Assert.Equal(Payments * Shares, events.Subjects("reconciliation.anomaly").Count);
        Assert.Equal(Payments * Shares, events.Subjects("reconciliation.anomaly").Distinct().Count());
    }

    /// <summary>Payments of two shares each, uploaded as one batch, then paid at two PSPs in turn.</summary>
    private static async Task CreateAndPayAsync(HttpClient client, PagoPaSandbox sandbox)
    {
        var share = new JsonObject { ["amount"] = 100, ["iban"] = ExternalPagoPa.Iban };
        var payment = new JsonObject
        {
            ["debtor"] = new JsonObject { ["type"] = "F", ["fiscalCode"] = PaymentBodies.DebtorCode, ["name"] = "Mario Rossi" },
            ["description"] = "Canone unico patrimoniale 2026",
            ["amount"] = 100 * Shares,
            ["dueDate"] = PaymentBodies.InDays(30),
            ["taxonomyCode"] = "9/0101108TS/",
            ["transfers"] = new JsonArray([.. Enumerable.Repeat(share, Shares).Select(s => s.DeepClone())]),
        };
        var batch = await BatchUploads.UploadCompletedAsync(client, new JsonArray([.. Enumerable.Repeat(payment, Payments).Select(p => p.DeepClone())]), Ct);

        Assert.True(batch.GetProperty("counts").GetProperty("created").GetInt32() == Payments, batch.GetRawText());
        var positions = sandbox.Positions(ExternalPagoPa.FiscalCode);
        for (var p = 0; p < positions.Count; p++)
        {
            var psp = Psps[p % Psps.Length];
            sandbox.Pay(new PagoPaPayment(ExternalPagoPa.FiscalCode, positions[p].Options[0].Nav) { PspId = psp, PspName = psp });
        }
    }

    private static async Task<int> TotalAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("total").GetInt32();
}
