using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace InteropHub.Benchmarks;

/// <summary>
/// Single creations end to end over loopback HTTP: the hub's Release build in sandbox mode (its GPD sandbox at GPD's own
/// limit, 100 calls per 10 s per key), N payments sent one each to <c>POST /v1/payments</c> by C concurrent callers.
/// Reports throughput against GPD's bound (10 calls/s) and the latency callers saw: with the key's calls paced evenly,
/// a caller waits its turn, not for the end of a window a burst used up.
/// </summary>
internal static class SinglesBenchmark
{
    private const string Key = "sandbox-key-a";
    private const double GpdBound = 10;

    public static async Task RunAsync(string provider, int payments, int callers, TextWriter output, CancellationToken cancellationToken)
    {
        var hubDll = BulkPushBenchmark.HubDll();

        // The hub's own per-tenant limit out of the way (the hub process inherits these): GPD's pace is measured, not the hub's.
        Environment.SetEnvironmentVariable("Hub__RateLimit__Burst", "100000");
        Environment.SetEnvironmentVariable("Hub__RateLimit__PermitsPerPeriod", "100000");
        var database = await BenchDatabase.CreateAsync(provider, cancellationToken).ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
        {
            output.WriteLine($"provider: {(database.IsPostgreSql ? "PostgreSQL" : "SQLite")}; {payments} payments by {callers} callers; load: {BulkPushBenchmark.Load()}");
            using var hub = await BulkPushBenchmark.StartHubAsync(hubDll, database, cancellationToken).ConfigureAwait(false);
            try
            {
                using var client = new HttpClient { BaseAddress = hub.Address, Timeout = TimeSpan.FromMinutes(2) };
                client.DefaultRequestHeaders.Add("X-Api-Key", Key);
                var latencies = new double[payments];
                var statuses = new HttpStatusCode[payments];
                var next = -1;
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
                {
                    for (int i; (i = Interlocked.Increment(ref next)) < payments;)
                    {
                        var started = watch.Elapsed;
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payments") { Content = new StringContent(Body(i), Encoding.UTF8, "application/json") };
                        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        (latencies[i], statuses[i]) = ((watch.Elapsed - started).TotalMilliseconds, response.StatusCode);
                    }
                })).ConfigureAwait(false);
                var elapsed = watch.Elapsed;
                var created = statuses.Count(s => s == HttpStatusCode.Created);
                Array.Sort(latencies);
                output.WriteLine($"created {created:N0} of {payments:N0} in {elapsed.TotalSeconds:F1} s = {created / elapsed.TotalSeconds:F2}/s = {created / elapsed.TotalSeconds / GpdBound:P0} of GPD's bound; other answers: {string.Join(", ", statuses.Where(s => s != HttpStatusCode.Created).CountBy(s => (int)s).Select(g => $"{g.Value} × {g.Key}"))}");
                output.WriteLine($"latency ms: p50 {Percentile(latencies, 0.50):F0}, p90 {Percentile(latencies, 0.90):F0}, p99 {Percentile(latencies, 0.99):F0}, max {latencies[^1]:F0}; load: {BulkPushBenchmark.Load()}");
            }
            finally
            {
                hub.Stop();
            }
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Body(int i) => new JsonObject
    {
        ["debtor"] = new JsonObject { ["type"] = "F", ["fiscalCode"] = "RSSMRA80A01H501U", ["name"] = "Mario Rossi" },
        ["description"] = $"Mensa scolastica 2026 - {i}",
        ["amount"] = 1_000 + i,
        ["dueDate"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["taxonomyCode"] = "9/0101108TS/",
    }.ToJsonString();
}
