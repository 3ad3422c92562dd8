using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>
/// Hub processes sharing one PostgreSQL database are one Quartz cluster: a cron fire runs on one of them, and when the
/// instance running a job is killed (SIGKILL, nothing cleaned up) another runs the job again and finishes its work,
/// with nothing lost and nothing sent twice to pagoPA.
/// </summary>
[Collection(HubClusterCollection.Name)]
public sealed class FailoverTests
{
    private const string Housekeeping = "hub.housekeeping";
    private const string Match = "pagopa.match.alpha";
    private const string EverySecond = "* * * * * ?";
    private const string PaymentBatches = "payments.batches";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_starting_instance_leaves_a_neighbour_running_job_alone_and_each_cron_fire_runs_once()
    {
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        await using var cluster = await ClusterHubs.CreateAsync(pagoPa, new Dictionary<string, string?>
        {
            ["Hub:Jobs:Housekeeping:Cron"] = EverySecond,
            ["Hub:Jobs:ReconciliationMatch:Cron"] = EverySecond,
        });
        var first = await cluster.StartAsync(1, autoId: true);

        // A matching pass on the first instance waits for the write lock the test holds while a second instance starts.
        RunRow running;
        await using (await cluster.HoldWriteLockAsync())
        {
            (running, _) = await BlockedRunAsync(cluster, Match);
            var second = await cluster.StartAsync(2, autoId: true);
            var since = (await cluster.RunsAsync(Housekeeping)).Select(r => r.Id).DefaultIfEmpty().Max();
            await second.EventuallyAsync(async () => (await cluster.RunsAsync(Housekeeping)).Count(r => r.Id > since) >= 5, Ct);

            // Five fires later: the pass is still its job's one run since, running, though its cron fired every second.
            var during = (await cluster.RunsAsync(Match)).Where(r => r.Id >= running.Id).ToList();
            Assert.True(during.Count == 1 && during[0].Status == "Running", string.Join("\n", during));
        }

        await first.EventuallyAsync(async () => (await cluster.RunsAsync(Match)).Count(r => r.Id > running.Id && r.Status == "Succeeded") >= 5, Ct);
        var matches = await cluster.RunsAsync(Match);
        var housekeeping = await cluster.RunsAsync(Housekeeping);
        Assert.Equal("Succeeded", Assert.Single(matches, r => r.Id == running.Id).Status);
        var fires = matches.GroupBy(r => r.ScheduledAt).Concat(housekeeping.GroupBy(r => r.ScheduledAt)).ToList();
        Assert.All(fires, fire => Assert.True(fire.Count() == 1, $"Fire {fire.Key} ran {fire.Count()} times: {string.Join(", ", fire)}"));

        // Quartz named each instance (host name and start time).
        var instances = matches.Concat(housekeeping).Select(r => r.Instance).Distinct().ToList();
        Assert.All(instances, i => Assert.False(string.IsNullOrEmpty(i)));
        Assert.InRange(instances.Count, 1, 2);
    }

    [Fact]
    public async Task A_ten_thousand_payment_push_whose_instance_is_killed_is_finished_by_another_without_a_duplicate_position()
    {
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        await using var cluster = await ClusterHubs.CreateAsync(pagoPa);
        var first = await cluster.StartAsync(1);
        var second = cluster.StartAsync(2);
        using var client = first.Client(ExternalPagoPa.Key);
        var body = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            body.Append(Single(100 + i).ToJsonString()).Append('\n');
        }

        using var upload = new HttpRequestMessage(HttpMethod.Post, "/v1/payments/batches") { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson") };
        upload.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var uploaded = await client.SendAsync(upload, Ct);
        Assert.Equal(HttpStatusCode.Accepted, uploaded.StatusCode);
        var location = uploaded.Headers.Location!.OriginalString;

        // The second instance is up and some bulk calls in, the write lock is taken: the push stops with a bulk call GPD wrote and the hub did not record.
        await second;
        await first.EventuallyAsync(() => Task.FromResult(pagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode).Count >= 2_000), Ct);
        RunRow killed;
        HubProcess survivor;
        await using (await cluster.HoldWriteLockAsync())
        {
            (killed, var hub) = await BlockedRunAsync(cluster, PaymentBatches);
            survivor = cluster.Kill(hub)[0];
        }

        var written = pagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode).Count;
        Assert.InRange(written, 2_000, 9_999);
        using var survivorClient = survivor.Client(ExternalPagoPa.Key);
        JsonElement batch = default;
        Assert.True(
            await Polling.UntilAsync(async () => (batch = await survivorClient.GetFromJsonAsync<JsonElement>(location, Ct)).GetProperty("status").GetString() == "completed", Ct, TimeSpan.FromSeconds(120)),
            $"The batch did not complete after the kill: {batch}");

        var counts = batch.GetProperty("counts");
        Assert.Equal((10_000, 0, 0), (counts.GetProperty("created").GetInt32(), counts.GetProperty("pending").GetInt32(), counts.GetProperty("failed").GetInt32()));
        var positions = pagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode);
        Assert.Equal(10_000, positions.Count);
        Assert.Equal(10_000, positions.Select(p => p.Iupd).Distinct().Count());
        Assert.Equal(10_000, positions.Select(p => p.Options[0].Iuv).Distinct().Count());
        await AssertTakenOverAsync(cluster, PaymentBatches, killed);
        TestContext.Current.TestOutputHelper?.WriteLine($"Killed {killed.Instance} with {written} positions on GPD.");
    }

    /// <summary>
    /// The run of <paramref name="job"/> waiting for the write lock the test holds, once it waits, and the hub process it
    /// waits in (the instance it names, or the one process waiting).
    /// </summary>
    internal static async Task<(RunRow Run, string Hub)> BlockedRunAsync(ClusterHubs cluster, string job)
    {
        RunRow? running = null;
        string? hub = null;
        Assert.True(
            await Polling.UntilAsync(
                async () =>
                {
                    running = (await cluster.RunsAsync(job)).LastOrDefault(r => r.Status == "Running");
                    var waiting = (await cluster.WaitingForWriteLockAsync()).Distinct().ToList();
                    hub = running is null ? null : waiting.Contains(running.Instance!) ? running.Instance : waiting.Count == 1 ? waiting[0] : null;
                    return hub is not null;
                },
                Ct),
            $"No run of {job} came to wait for the write lock (last: {running}).");
        return (running!, hub!);
    }

    /// <summary>The killed instance's run is interrupted, and the next run, a survivor's recovery of the same fire, succeeded.</summary>
    internal static async Task AssertTakenOverAsync(ClusterHubs cluster, string job, RunRow killed)
    {
        var runs = await cluster.RunsAsync(job);
        var interrupted = Assert.Single(runs, r => r.Id == killed.Id);
        Assert.Equal("Interrupted", interrupted.Status);
        var recovered = runs.First(r => r.Id > killed.Id);
        Assert.True(recovered.Status == "Succeeded", recovered.ToString());
        Assert.NotEqual(killed.Instance, recovered.Instance);
        Assert.Equal($"Instance {killed.Instance} stopped before the run finished; instance {recovered.Instance} ran the job again.", interrupted.Error);
    }
}
