using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox;
using InteropHub.Sandbox.PagoPa;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Faults;

/// <summary>
/// A 10,000-payment bulk upload pushed to a GPD that fails one call in five, answers some calls up to 2 s late and
/// throttles in bursts, on each database provider: every item ends created, once, on GPD and in the hub.
/// </summary>
public sealed class PaymentBatchFaultTests(ITestOutputHelper output)
{
    private const int Payments = 10_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FaultDatabase.Sqlite)]
    [InlineData(FaultDatabase.PostgreSql)]
    public async Task Ten_thousand_payments_through_5xx_latency_and_429_bursts_are_each_created_once(string provider)
    {
        var clock = Stopwatch.StartNew();
        await using var database = await FaultDatabase.CreateAsync(provider, Ct);
        using var pagoPa = new ExternalPagoPa();
        // 20 % 500s before GPD writes, 1 call in 20 up to 2 s late, 3 429s (Retry-After 1 s) in every 40 calls; seeded.
        pagoPa.Sandbox.Faults = new PagoPaFaults(TimeSpan.Zero, errorRatio: 0.2)
        {
            MaxLatency = TimeSpan.FromSeconds(2),
            LatencyRatio = 0.05,
            Bursts = new ThrottleBursts(period: 40, length: 3, TimeSpan.FromSeconds(1)),
            Seed = 20_260_311,
        };
        var directory = HubFactory.NewDirectory();
        try
        {
            var settings = pagoPa.Settings(directory);
            database.Apply(settings);
            settings["Hub:Payments:UnavailablePause"] = "00:00:00.2";
            settings["Adapters:PagoPa:Resilience:RetryDelay"] = "00:00:00.1";
            settings["Adapters:PagoPa:Resilience:BreakDuration"] = "00:00:01";
            // A run that left the tenant for later (pagoPA kept failing) is followed by the next within seconds.
            settings["Hub:Jobs:PaymentBatches:Cron"] = "0/2 * * * * ?";
            await using var hub = new HubFactory(settings, directory);
            var client = hub.ClientWithKey(ExternalPagoPa.Key);

            var location = await UploadAsync(client);
            var batch = await WaitCompletedAsync(client, location);
            output.WriteLine($"{provider}: batch completed after {clock.Elapsed.TotalSeconds:0.0} s, {pagoPa.Sandbox.RequestCount("sandbox-gpd-key-alpha")} GPD calls");

            var counts = batch.GetProperty("counts");
            Assert.Equal((Payments, 0, 0, Payments, 0), (
                counts.GetProperty("received").GetInt32(), counts.GetProperty("invalid").GetInt32(), counts.GetProperty("pending").GetInt32(),
                counts.GetProperty("created").GetInt32(), counts.GetProperty("failed").GetInt32()));
            var positions = pagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode);
            Assert.Equal(Payments, positions.Count);
            Assert.Equal(Payments, positions.Select(p => p.Options[0].Iuv).Distinct().Count());
            var created = await PayableIupdsAsync(client);
            Assert.Equal(Payments, created.Count);
            Assert.True(created.SetEquals(positions.Select(p => p.Iupd)), "The hub's created payments are not GPD's positions.");
            Assert.All(positions, p => Assert.Equal(GpdPositionStatus.Valid, p.Status));
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    private static async Task<string> UploadAsync(HttpClient client)
    {
        var body = new StringBuilder();
        for (var i = 0; i < Payments; i++)
        {
            body.Append(Single(100 + i).ToJsonString()).Append('\n');
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payments/batches")
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Polls the batch (bounded) while the job works on the scheduler's thread against real sandbox latency.</summary>
    private static async Task<JsonElement> WaitCompletedAsync(HttpClient client, string location)
    {
        JsonElement batch = default;
        return await Polling.UntilAsync(
            async () => (batch = await client.GetFromJsonAsync<JsonElement>(location, Ct)).GetProperty("status").GetString() == "completed",
            Ct,
            TimeSpan.FromSeconds(240))
            ? batch
            : throw new TimeoutException($"The batch did not complete: {batch}");
    }

    private static async Task<HashSet<string>> PayableIupdsAsync(HttpClient client)
    {
        var iupds = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var list = await client.GetFromJsonAsync<JsonElement>($"/v1/payments?status=payable&pageSize=200&page={page}", Ct);
            var items = list.GetProperty("items").EnumerateArray().ToList();
            foreach (var item in items)
            {
                Assert.True(iupds.Add(item.GetProperty("iupd").GetString()!), "One iupd listed twice.");
            }

            if (items.Count < 200)
            {
                return iupds;
            }
        }
    }
}
