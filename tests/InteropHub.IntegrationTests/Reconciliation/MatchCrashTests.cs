using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox.PagoPa;

namespace InteropHub.IntegrationTests.Reconciliation;

/// <summary>
/// The hub process killed once its matching pass over thousands of lines is recorded as running. The pass commits in
/// chunks of 500 lines: the restarted hub holds whole chunks (every payment it reported with its event, every anomaly
/// with its event), and the next pass leaves each payment reported once and each anomaly raised once, each with one
/// event, wherever the kill landed.
/// </summary>
[Collection(HubKillCollection.Name)]
public sealed class MatchCrashTests
{
    private const string Match = "pagopa.match.alpha";
    private const int Payments = 200;
    private const int Shares = 5;

    // The PSPs publish the day's flows this many times: every later copy of a line is a 007102, so the pass examines
    // Payments × Shares × Publications lines (6,000) for only 200 payments to create, pay and sync.
    private const int Publications = 6;

    private const int LinesPerPublication = Payments * Shares;

    // 007102 for every line of the later publications, 007115 and 007101 put into the first flow.
    private const int Anomalies = (LinesPerPublication * (Publications - 1)) + 2;

    private static readonly string[] Psps = ["PSPALPHA01", "PSPBETA002"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hub_killed_mid_matching_keeps_all_or_none_of_the_pass_and_the_restart_reports_each_payment_once()
    {
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        var directory = HubFactory.NewDirectory();
        try
        {
            var settings = pagoPa.Settings(directory).WithQuietCrons();
            settings["Hub:Reconciliation:LinesPerTransaction"] = "500";
            using (var hub = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = hub.Client(ExternalPagoPa.Key);
                await CreateAndPayAsync(client, pagoPa.Sandbox);
                var synced = await JobRuns.TriggerAndWaitAsync(client, "pagopa.receipts.alpha", Ct);
                Assert.True(synced.GetProperty("counts").GetProperty("recorded").GetInt64() == Payments, synced.GetRawText());
                Assert.Equal(Psps.Length, pagoPa.Sandbox.PublishFlows(ExternalPagoPa.FiscalCode, anomalies: [FlowAnomaly.DuplicateLine, FlowAnomaly.UnknownIuv]).Count);
                for (var i = 1; i < Publications; i++)
                {
                    pagoPa.Sandbox.PublishFlows(ExternalPagoPa.FiscalCode);
                }

                var acquired = await JobRuns.TriggerAndWaitAsync(client, "pagopa.fdr.alpha", Ct);
                Assert.True(acquired.GetProperty("counts").GetProperty("stored").GetInt64() == Psps.Length * Publications, acquired.GetRawText());

                // Killed as soon as the run is recorded: mostly inside the pass, which lasts seconds here over 12 chunks; if
                // the poll comes late, after it, which the assertions below accept as well.
                await JobRuns.TriggerAsync(client, Match, Ct);
                await hub.EventuallyAsync(async () => await JobRunRows.LastStatusAsync(directory, Match, Ct) is not null, Ct);
                hub.Kill();
            }

            using (var restarted = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = restarted.Client(ExternalPagoPa.Key);
                var killed = await JobRuns.LastRunAsync(client, Match, Ct);
                var state = await StateAsync(client);
                Assert.True(
                    state.Reported == state.ReportedEvents && state.Anomalies == state.AnomalyEvents && state.Reported <= Payments && state.Anomalies <= Anomalies,
                    $"Part of a chunk survived the kill: {state}; run {killed?.GetRawText()}");
                TestContext.Current.TestOutputHelper?.WriteLine(
                    $"The kill left {state.Reported} payments reported and {state.Anomalies} anomalies raised, each with its event (run {killed?.GetProperty("status").GetString()}).");

                var run = await JobRuns.TriggerAndWaitAsync(client, Match, Ct);

                Assert.True(run.GetProperty("status").GetString() == "succeeded", run.GetRawText());
                Assert.Equal(Everything, await StateAsync(client));
                var events = await EventFeed.AllAsync(client, Ct);
                Assert.Equal(Payments, events.Subjects("payment.reported").Distinct().Count());
                Assert.Equal(Anomalies, events.Subjects("reconciliation.anomaly").Distinct().Count());
                Assert.Equal(LinesPerPublication * (Publications - 1), await TotalAsync(client, "/v1/reconciliation/anomalies?code=007102"));
                Assert.Equal(1, await TotalAsync(client, "/v1/reconciliation/anomalies?code=007115"));
                Assert.Equal(1, await TotalAsync(client, "/v1/reconciliation/anomalies?code=007101"));

                // The first flow of each PSP settles the payments (PSP A's with its two injected anomalies); every later one repeats them.
                var flows = (await client.GetFromJsonAsync<JsonElement>("/v1/reconciliation/flows?pageSize=100", Ct)).GetProperty("items").EnumerateArray()
                    .Select(f => (Id: f.GetProperty("flowId").GetString()!, Status: f.GetProperty("status").GetString()!)).ToList();
                Assert.Equal(Psps.Length * Publications, flows.Count);
                Assert.All(flows, f => Assert.Equal(f.Id.EndsWith("-0000001", StringComparison.Ordinal) && f.Id.Contains(Psps[1], StringComparison.Ordinal) ? "matched" : "anomalous", f.Status));
            }
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    private static (int Reported, int ReportedEvents, int Anomalies, int AnomalyEvents) Everything => (Payments, Payments, Anomalies, Anomalies);

    /// <summary>What a pass leaves: payments reported and their events, anomalies and theirs.</summary>
    private static async Task<(int Reported, int ReportedEvents, int Anomalies, int AnomalyEvents)> StateAsync(HttpClient client)
    {
        var events = await EventFeed.AllAsync(client, Ct);
        return (
            await TotalAsync(client, "/v1/payments?status=reported"),
            events.Subjects("payment.reported").Count,
            await TotalAsync(client, "/v1/reconciliation/anomalies"),
            events.Subjects("reconciliation.anomaly").Count);
    }

    /// <summary>Payments of five shares each, uploaded as one batch (two GPD bulk calls), then paid at two PSPs in turn.</summary>
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
        var body = new JsonArray([.. Enumerable.Repeat(payment, Payments).Select(p => p.DeepClone())]);
        var batch = await BatchUploads.UploadCompletedAsync(client, body, Ct);

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
