using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InteropHub.Host.Registry;
using InteropHub.Host.Sandbox;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox;
using InteropHub.Sandbox.Anpr;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>
/// A verification batch whose instance is killed (SIGKILL) mid-run is finished by the other instance: every item ends
/// verified or failed once in the hub, and ANPR is asked again only for the few items whose answers were in flight.
/// </summary>
[Collection(HubClusterCollection.Name)]
public sealed class FailoverVerificationTests
{
    private const string Job = VerificationBatchJob.Name;
    private const int Items = 240;
    private const int UnknownEvery = 20;
    private const int Unknown = Items / UnknownEvery;
    private const int Parallelism = 4;
    private const int DailyQuota = 1_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_verification_batch_whose_instance_is_killed_is_finished_by_another_asking_anpr_again_only_what_was_in_flight()
    {
        var clock = Stopwatch.StartNew();
        using var registry = SandboxHost.Start();
        using var pagoPa = new ExternalPagoPa();
        await using var cluster = await ClusterHubs.CreateAsync(pagoPa, Settings(registry));
        var anpr = registry.Anpr;
        anpr.SetDailyQuota("C030", DailyQuota);
        anpr.SetDailyQuota("C007", DailyQuota);
        var first = await cluster.StartAsync(1);
        await cluster.StartAsync(2);

        // Every ANPR answer 100 ms late: the batch takes several seconds, so it is surely mid-run when its instance dies.
        anpr.Faults = new AnprFaults(TimeSpan.FromMilliseconds(100), 0);
        // Residents, and one code ANPR does not know in every twenty: that item fails resident-not-found.
        var residents = new Queue<string>(anpr.Subjects(AnprSubjectCategory.Resident, Items - Unknown, "demo-a").Select(s => s.FiscalCode));
        var unknown = new Queue<string>(anpr.NotRegisteredFiscalCodes(Unknown));
        var codes = Enumerable.Range(0, Items).Select(i => (i % UnknownEvery == UnknownEvery - 1 ? unknown : residents).Dequeue()).ToList();
        var unknownCodes = codes.Where((_, i) => i % UnknownEvery == UnknownEvery - 1).ToHashSet(StringComparer.Ordinal);
        Guid id;
        using (var client = first.Client(DemoTenants.KeyA))
        {
            id = await CreateAsync(client, codes);
            await first.EventuallyAsync(async () => (await ProgressAsync(client, id)) is var p && p.Verified + p.Failed >= Items / 6, Ct);
        }

        // Killed while the test holds the write lock: nothing it sent can commit after the count, nor the survivor's work before it.
        var killed = (await cluster.RunsAsync(Job)).Single(r => r.Status == "Running");
        HubProcess survivor;
        (int Verified, int Failed, int Pending) atKill;
        await using (await cluster.HoldWriteLockAsync())
        {
            survivor = cluster.Kill(killed.Instance!)[0];
            anpr.Faults = AnprFaults.None;
            using var client = survivor.Client(DemoTenants.KeyA);
            atKill = await ProgressAsync(client, id);
        }

        using var survivorClient = survivor.Client(DemoTenants.KeyA);
        Assert.True(atKill.Pending > 0, $"The batch was no longer running when its instance was killed: {atKill}");

        JsonElement progress = default;
        Assert.True(
            await Polling.UntilAsync(async () => (progress = await BatchAsync(survivorClient, id, limit: 1)).GetProperty("status").GetString() == "completed", Ct),
            $"The batch did not complete after the kill: {progress.GetProperty("progress")}");

        var batch = await BatchAsync(survivorClient, id, Items);
        var items = batch.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, Items), items.Select(i => i.GetProperty("index").GetInt32()));
        Assert.Equal(codes, items.Select(i => i.GetProperty("fiscalCode").GetString()));
        Assert.All(items, i => Assert.Equal(
            unknownCodes.Contains(i.GetProperty("fiscalCode").GetString()!) ? "failed resident-not-found" : "verified confirmed",
            i.GetProperty("status").GetString() + " " + (i.TryGetProperty("problem", out var problem)
                ? problem.GetProperty("code").GetString()
                : i.GetProperty("results").GetProperty("alive").GetString())));
        await FailoverTests.AssertTakenOverAsync(cluster, Job, killed);

        // The survivor ended exactly the items the killed instance had not stored.
        var database = new FailoverVerificationDatabase(cluster.ConnectionString);
        var recovered = (await cluster.RunsAsync(Job)).First(r => r.Id > killed.Id);
        Assert.Equal(
            ((long)(Items - Unknown - atKill.Verified), (long)(Unknown - atKill.Failed)),
            (await database.CountAsync(recovered.Id, "verified"), await database.CountAsync(recovered.Id, "failed")));
        await AssertAnprAskedAgainOnlyInFlightAsync(anpr, database, codes, unknownCodes);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{clock.Elapsed.TotalSeconds:0.0} s; killed {killed.Instance} with {atKill} (verified, failed, pending); C030 {anpr.Requests("C030")}; C007 {anpr.Requests("C007")}.");
    }

    /// <summary>
    /// Each ANPR answer came under its own id (none replayed); only items in flight at the kill (at most one per parallel
    /// worker) were asked twice; each audited access is one ANPR processed; the hub's quota count covers ANPR's.
    /// </summary>
    private static async Task AssertAnprAskedAgainOnlyInFlightAsync(
        AnprSandbox anpr, FailoverVerificationDatabase database, IReadOnlyList<string> codes, IReadOnlySet<string> unknown)
    {
        var audited = await database.AuditedAsync("registry.verification.alive");
        Assert.All(audited, a => Assert.Equal(unknown.Contains(a.Subject) ? "resident-not-found" : "ok", a.Outcome));
        Assert.Equal(codes.Order(StringComparer.Ordinal), audited.Select(a => a.Subject).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(audited.Count, Items, Items + Parallelism);
        var answered = audited.Where(a => a.Outcome == "ok").ToList();
        foreach (var (service, asked) in new[] { ("C030", Items), ("C007", Items - Unknown) })
        {
            var requests = anpr.Requests(service);

            // Nothing replayed: no id was sent twice, so none could have been answered with another item's data.
            Assert.True(requests.Replayed == 0 && requests.Rejected == 0, $"{service}: {requests}");
            Assert.InRange(requests.Processed, asked, asked + Parallelism);
            var ids = answered.Select(a => a.OperationIds[service]).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

            var used = anpr.QuotaUsage().Where(u => u.Service == service).Sum(u => u.Used);
            Assert.InRange(await database.QuotaCountAsync("demo-a", service), used, used + Parallelism);
        }

        // Audited after ANPR answers: a call the killed instance had answered but not yet recorded has no audit record.
        Assert.InRange(anpr.Requests("C007").Answered, answered.Count, answered.Count + Parallelism);
    }

    /// <summary>Sandbox mode on the test's PDND and ANPR sandboxes (shared, as instances share them), on top of the pagoPA tenant.</summary>
    private static Dictionary<string, string?> Settings(SandboxHost registry) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Hub:Sandbox:Enabled"] = "true",
        ["Hub:Sandbox:Platforms:PdndUrl"] = registry.PdndUrl.ToString(),
        ["Hub:Sandbox:Platforms:AnprUrl"] = registry.AnprUrl.ToString(),
        ["Hub:Sandbox:Platforms:PagoPaUrl"] = registry.PagoPaUrl.ToString(),
        ["Hub:Registry:Verifications:Parallelism"] = $"{Parallelism}",
        // No attempt times out on a loaded machine and is resent: every ANPR request is then a first one.
        ["Adapters:Anpr:Resilience:AttemptTimeout"] = "00:00:30",
        ["Adapters:Anpr:Resilience:TotalTimeout"] = "00:01:00",
        // Only the batch's own start and the recovery run the job.
        ["Hub:Jobs:Verifications:Cron"] = ClusterHubs.Never,
        ["Hub:Jobs:Housekeeping:Cron"] = ClusterHubs.Never,
    };

    private static async Task<Guid> CreateAsync(HttpClient client, IReadOnlyList<string> codes)
    {
        var body = JsonSerializer.Serialize(new { checks = new[] { "alive" }, items = codes.Select(c => new { fiscalCode = c }) }, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/registry/verifications") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add("X-Operator-Id", "mario.rossi");
        request.Headers.Add("X-Request-Reason", "PROT-2026-0312");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static Task<JsonElement> BatchAsync(HttpClient client, Guid id, int limit) =>
        client.GetFromJsonAsync<JsonElement>($"/v1/registry/verifications/{id}?limit={limit}", Ct);

    private static async Task<(int Verified, int Failed, int Pending)> ProgressAsync(HttpClient client, Guid id)
    {
        var progress = (await BatchAsync(client, id, limit: 1)).GetProperty("progress");
        return (progress.GetProperty("verified").GetInt32(), progress.GetProperty("failed").GetInt32(), progress.GetProperty("pending").GetInt32());
    }
}
