using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox;
using InteropHub.Sandbox.Anpr;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Faults;

/// <summary>
/// A 1,000-item verification batch against an ANPR whose gateway fails one request in five, answers some up to 2 s
/// late and refuses bursts with 429 TooManyRequests, on each database provider: every item ends verified or failed
/// with a reason, each answered once, and the hub's quota count never falls below ANPR's nor closes the day.
/// </summary>
public abstract class VerificationBatchFaultTests(ITestOutputHelper output, string provider)
{
    private const int Items = 1_000;
    private const int Unknown = 20;
    private const int DailyQuota = 3_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_thousand_verifications_through_5xx_latency_and_429_bursts_end_each_answered_once_or_failed()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await FaultDatabase.CreateAsync(provider, Ct);
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Registry:Verifications:Parallelism"] = "8",
            ["Hub:Registry:Verifications:UnavailableBackoff"] = "00:00:01",
            // A held batch is picked up again within a second of its hold ending, as the minute cron would later.
            ["Hub:Jobs:Verifications:Cron"] = "* * * * * ?",
            // Five attempts a call: a 5xx run that long (0.2^5) is rare, so few holds stall the whole batch.
            ["Adapters:Anpr:Resilience:MaxRetryAttempts"] = "4",
            ["Adapters:Anpr:Resilience:RetryDelay"] = "00:00:00.05",
            ["Adapters:Anpr:Resilience:BreakDuration"] = "00:00:01",
            ["Adapters:Anpr:EServices:C030:DailyQuota"] = $"{DailyQuota}",
            ["Adapters:Anpr:EServices:C007:DailyQuota"] = $"{DailyQuota}",
        };
        database.Apply(settings);
        await using var hub = new HubFactory(settings);
        var anpr = hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.Anpr;
        anpr.SetDailyQuota("C030", DailyQuota);
        anpr.SetDailyQuota("C007", DailyQuota);
        // 20 % 503 GatewayError, 2 % of requests up to 2 s late, 4 TooManyRequests (Retry-After 1 s) in every 200; seeded.
        anpr.Faults = new AnprFaults(TimeSpan.Zero, 0.2)
        {
            MaxLatency = TimeSpan.FromSeconds(2),
            LatencyRatio = 0.02,
            Bursts = new ThrottleBursts(period: 200, length: 4, TimeSpan.FromSeconds(1)),
            Seed = 20_260_312,
        };
        var residents = anpr.Subjects(AnprSubjectCategory.Resident, Items - Unknown, "demo-a").Select(s => s.FiscalCode).ToList();
        var unknown = anpr.NotRegisteredFiscalCodes(Unknown).ToHashSet(StringComparer.Ordinal);
        using var client = hub.ClientWithKey("sandbox-key-a");

        var id = await CreateAsync(client, [.. residents, .. unknown]);
        var batch = await WaitCompletedAsync(client, id);
        output.WriteLine($"{provider}: batch completed after {clock.Elapsed.TotalSeconds:0.0} s; C007 {anpr.Requests("C007")}");

        var progress = batch.GetProperty("progress");
        Assert.Equal((Items, 0), (progress.GetProperty("total").GetInt32(), progress.GetProperty("pending").GetInt32()));
        var items = await ItemsAsync(client, id);
        Assert.Equal(Enumerable.Range(0, Items), items.Select(i => i.GetProperty("index").GetInt32()));
        var verified = items.Where(i => i.GetProperty("status").GetString() == "verified").ToList();
        var failed = items.Where(i => i.GetProperty("status").GetString() == "failed").ToList();
        Assert.Equal(Items, verified.Count + failed.Count);
        Assert.Equal((verified.Count, failed.Count), (progress.GetProperty("verified").GetInt32(), progress.GetProperty("failed").GetInt32()));
        Assert.All(verified, i => Assert.Equal("confirmed", i.GetProperty("results").GetProperty("alive").GetString()));
        Assert.All(failed, i => Assert.Contains(
            i.GetProperty("problem").GetProperty("code").GetString(),
            unknown.Contains(i.GetProperty("fiscalCode").GetString()!) ? ["resident-not-found"] : (string[])["upstream-unavailable"]));
        Assert.All(unknown, code => Assert.Contains(failed, i => i.GetProperty("fiscalCode").GetString() == code));

        // Each verified item got exactly one fresh answer from C007: nothing was asked twice under a new id.
        var c007 = anpr.Requests("C007");
        Assert.Equal(verified.Count, c007.Answered);
        Assert.True(c007.Throttled > 0 && c007.Faulted > 0, $"The faults did not hit C007: {c007}");
        await AssertQuotasConsistentAsync(database, hub, anpr);
    }

    /// <summary>The hub's count covers every request ANPR counted, no day was closed, and ANPR never refused for quota.</summary>
    private static async Task AssertQuotasConsistentAsync(FaultDatabase database, HubFactory hub, AnprSandbox anpr)
    {
        var counted = new Dictionary<string, (long Count, bool Exhausted)>(StringComparer.Ordinal);
        await using (var connection = await database.OpenAsync(hub.Directory, Ct))
        {
            await using var query = connection.CreateCommand();
            query.CommandText = """SELECT "Service", "Count", "Exhausted" FROM "QuotaCounters" WHERE "Tenant" = 'demo-a'""";
            await using var reader = await query.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                counted[reader.GetString(0)] = (Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetBoolean(2));
            }
        }

        foreach (var service in new[] { "C030", "C007" })
        {
            var used = anpr.QuotaUsage().Where(u => u.Service == service).Sum(u => u.Used);
            Assert.Equal(0, anpr.Requests(service).QuotaExceeded);
            Assert.False(counted[service].Exhausted, $"{service} was closed for the day.");
            Assert.InRange(counted[service].Count, used, DailyQuota);
        }
    }

    private static async Task<Guid> CreateAsync(HttpClient client, IReadOnlyList<string> codes)
    {
        var body = JsonSerializer.Serialize(new { checks = new[] { "alive" }, items = codes.Select(c => new { fiscalCode = c }) }, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/registry/verifications") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add("X-Operator-Id", "mario.rossi");
        request.Headers.Add("X-Request-Reason", "PROT-2026-0311");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    /// <summary>Polls the batch (bounded) while the job works on the scheduler's thread against real sandbox latency.</summary>
    private static async Task<JsonElement> WaitCompletedAsync(HttpClient client, Guid id)
    {
        JsonElement batch = default;
        return await Polling.UntilAsync(
            async () => (batch = await client.GetFromJsonAsync<JsonElement>($"/v1/registry/verifications/{id}?limit=1", Ct)).GetProperty("status").GetString() == "completed",
            Ct,
            TimeSpan.FromSeconds(240))
            ? batch
            : throw new TimeoutException($"The batch did not complete: {batch}");
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, Guid id)
    {
        var items = new List<JsonElement>();
        int? offset = 0;
        while (offset is { } next)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/v1/registry/verifications/{id}?offset={next}&limit=100", Ct);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            offset = page.TryGetProperty("nextOffset", out var more) ? more.GetInt32() : null;
        }

        return items;
    }
}

/// <summary>On SQLite; a class of its own so both providers' runs go side by side.</summary>
public sealed class VerificationBatchFaultSqliteTests(ITestOutputHelper output) : VerificationBatchFaultTests(output, FaultDatabase.Sqlite);

/// <summary>On PostgreSQL; a class of its own so both providers' runs go side by side.</summary>
public sealed class VerificationBatchFaultPostgreSqlTests(ITestOutputHelper output) : VerificationBatchFaultTests(output, FaultDatabase.PostgreSql);
