using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using Microsoft.Data.Sqlite;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Reconciliation;

/// <summary>
/// The hub process killed as soon as an expiry run is recorded. Expiry is one database transaction with no call out,
/// open only as long as its payments make it (300 here: about a second on a loaded machine), so the kill may land
/// before, in or after it; whichever, the restarted hub holds every due payment expired with its event or none of
/// them, and the next run expires the rest once.
/// </summary>
[Collection(HubKillCollection.Name)]
public sealed class ExpiryCrashTests
{
    private const string Expiry = "payments.expiry";
    private const int Due = 300;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hub_killed_during_expiry_keeps_all_or_none_and_the_restart_expires_each_payment_once()
    {
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        var directory = HubFactory.NewDirectory();
        try
        {
            var settings = pagoPa.Settings(directory).WithQuietCrons();
            Guid[] controls;
            using (var hub = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = hub.Client(ExternalPagoPa.Key);
                var tomorrow = InDays(1);
                await CreateAsync(client, [.. Enumerable.Range(0, Due).Select(_ => Payment(tomorrow, "expire-at-due"))]);

                // Two that must stay payable: past due but accepting late payment, and expiring but not yet due.
                controls = [
                    (await CreatedAsync(client, Payment(tomorrow, "payable-after-due"))).GetProperty("id").GetGuid(),
                    (await CreatedAsync(client, Payment(InDays(30), "expire-at-due"))).GetProperty("id").GetGuid(),
                ];

                // The hub runs on the real clock: rather than wait two days, its database moves the due dates back.
                await MoveDueDatesBackAsync(directory, tomorrow);
                await JobRuns.TriggerAsync(client, Expiry, Ct);
                await hub.EventuallyAsync(async () => await JobRunRows.LastStatusAsync(directory, Expiry, Ct) is not null, Ct);
                hub.Kill();
            }

            using (var restarted = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = restarted.Client(ExternalPagoPa.Key);
                var killed = await JobRuns.LastRunAsync(client, Expiry, Ct);
                var state = await StateAsync(client);
                Assert.True(state == (0, 0) || state == (Due, Due), $"A part of the expiry survived the kill: {state}; run {killed?.GetRawText()}");
                TestContext.Current.TestOutputHelper?.WriteLine(state == (0, 0)
                    ? $"The kill landed before the expiry committed (run {killed?.GetProperty("status").GetString()})."
                    : $"The kill landed after the expiry committed (run {killed?.GetProperty("status").GetString()}).");

                var run = await JobRuns.TriggerAndWaitAsync(client, Expiry, Ct);
                var again = await JobRuns.TriggerAndWaitAsync(client, Expiry, Ct);

                Assert.True(run.GetProperty("counts").GetProperty("expired").GetInt64() == Due - state.Expired, run.GetRawText());
                Assert.True(again.GetProperty("counts").GetProperty("expired").GetInt64() == 0, again.GetRawText());
                Assert.Equal((Due, Due), await StateAsync(client));
                Assert.Equal(Due, (await EventFeed.AllAsync(client, Ct)).Subjects("payment.expired").Distinct().Count());
                foreach (var id in controls)
                {
                    Assert.Equal("payable", (await client.GetFromJsonAsync<JsonElement>($"/v1/payments/{id}", Ct)).GetProperty("status").GetString());
                }
            }
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    private static JsonObject Payment(string dueDate, string expiryPolicy)
    {
        var payment = Single(description: "Refezione scolastica");
        (payment["dueDate"], payment["expiryPolicy"]) = (dueDate, expiryPolicy);
        return payment;
    }

    /// <summary>Payments expired and payment.expired events.</summary>
    private static async Task<(int Expired, int Events)> StateAsync(HttpClient client) => (
        (await client.GetFromJsonAsync<JsonElement>("/v1/payments?status=expired", Ct)).GetProperty("total").GetInt32(),
        (await EventFeed.AllAsync(client, Ct)).Subjects("payment.expired").Count);

    private static async Task CreateAsync(HttpClient client, JsonNode[] payments)
    {
        var batch = await BatchUploads.UploadCompletedAsync(client, new JsonArray(payments), Ct);

        Assert.True(batch.GetProperty("counts").GetProperty("created").GetInt32() == payments.Length, batch.GetRawText());
    }

    private static async Task MoveDueDatesBackAsync(string directory, string dueDate)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "hub.db")};Pooling=False");
        await using (connection)
        {
            await connection.OpenAsync(Ct);
            var update = connection.CreateCommand();
            await using (update)
            {
                update.CommandText = """UPDATE "PaymentOptions" SET "DueDate" = date("DueDate", '-2 days') WHERE "DueDate" = $due""";
                update.Parameters.AddWithValue("$due", dueDate);
                Assert.Equal(Due + 1, await update.ExecuteNonQueryAsync(Ct));
            }
        }
    }
}
