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
/// A 10,000-payment bulk upload pushed to a GPD that fails one call in five, loses some answers after writing, answers
/// some calls up to 2 s late and throttles in bursts, with the hub stopped mid-batch and started again, on each database
/// provider: every item ends in one definite state, each valid one created once, on GPD and in the hub.
/// </summary>
public abstract class PaymentBatchFaultTests(ITestOutputHelper output, string provider)
{
    private const int Lines = 10_000;

    // One line in a thousand has no description: refused as invalid, never sent.
    private const int Payments = Lines - (Lines / 1000);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_thousand_payments_through_5xx_latency_and_429_bursts_are_each_created_once()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await FaultDatabase.CreateAsync(provider, Ct);
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        // 20 % 500s before GPD writes, 5 % lost answers after it wrote, 1 call in 20 up to 2 s late, 3 429s (Retry-After
        // 1 s) in every 40 calls; seeded.
        pagoPa.Sandbox.Faults = new PagoPaFaults(TimeSpan.Zero, errorRatio: 0.2, lostResponseRatio: 0.05)
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
            settings["Hub:ShutdownTimeout"] = "00:00:01";
            string location;
            await using (var first = new HubFactory(settings, directory))
            {
                var uploader = first.ClientWithKey(ExternalPagoPa.Key);
                location = await UploadAsync(uploader);
                await WaitAsync(uploader, location, b => b.GetProperty("counts").GetProperty("created").GetInt32() >= 2_000);
            }

            // Stopped mid-batch (a bulk call may have been written by GPD but not recorded): the next hub resumes.
            await using var hub = new HubFactory(settings, directory);
            var client = hub.ClientWithKey(ExternalPagoPa.Key);
            var batch = await WaitAsync(client, location, b => b.GetProperty("status").GetString() == "completed");
            output.WriteLine($"{provider}: batch completed after {clock.Elapsed.TotalSeconds:0.0} s, {pagoPa.Sandbox.RequestCount("sandbox-gpd-key-alpha")} GPD calls");

            var counts = batch.GetProperty("counts");
            Assert.Equal((Lines, Lines - Payments, 0, Payments, 0), (
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
        for (var i = 0; i < Lines; i++)
        {
            body.Append(Single(100 + i, description: i % 1000 == 999 ? null : "TARI 2026").ToJsonString()).Append('\n');
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
    private static async Task<JsonElement> WaitAsync(HttpClient client, string location, Func<JsonElement, bool> done)
    {
        JsonElement batch = default;
        return await Polling.UntilAsync(async () => done(batch = await client.GetFromJsonAsync<JsonElement>(location, Ct)), Ct, TimeSpan.FromSeconds(240))
            ? batch
            : throw new TimeoutException($"The batch did not get there: {batch}");
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

/// <summary>On SQLite; a class of its own so both providers' runs go side by side.</summary>
public sealed class PaymentBatchFaultSqliteTests(ITestOutputHelper output) : PaymentBatchFaultTests(output, FaultDatabase.Sqlite);

/// <summary>On PostgreSQL; a class of its own so both providers' runs go side by side.</summary>
public sealed class PaymentBatchFaultPostgreSqlTests(ITestOutputHelper output) : PaymentBatchFaultTests(output, FaultDatabase.PostgreSql);
