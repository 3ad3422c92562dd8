using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace InteropHub.IntegrationTests.Platform;

public sealed class JobsTests
{
    [Fact]
    public async Task Jobs_are_listed_with_their_next_fire_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = new HubFactory(TestTenants.Settings());
        using var client = hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var jobs = await client.GetFromJsonAsync<JsonElement>("/v1/admin/jobs", ct);
        var housekeeping = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "hub.housekeeping");
        Assert.True(housekeeping.GetProperty("nextFireAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Triggering_a_job_runs_it_and_records_the_run()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = new HubFactory(TestTenants.Settings());
        using var client = hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var run = await JobRuns.TriggerAndWaitAsync(client, "hub.housekeeping", ct);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("manual").GetBoolean());
        Assert.True(run.GetProperty("counts").TryGetProperty("idempotencyRecordsPurged", out _));
    }

    [Fact]
    public async Task Triggering_an_unknown_job_is_404()
    {
        await using var hub = new HubFactory(TestTenants.Settings());
        using var client = hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/jobs/no.such.job/trigger");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_job_store_and_run_history_survive_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = HubFactory.NewDirectory();
        var nextWeek = DateTimeOffset.UtcNow.AddDays(7);
        try
        {
            await using (var first = new HubFactory(TestTenants.Settings(), directory))
            {
                using (var client = first.ClientWithKey(TestTenants.AlphaAdminKey))
                {
                    await JobRuns.TriggerAndWaitAsync(client, "hub.housekeeping", ct);
                }

                // A trigger only the store knows (no code declares it): after a restart it can only come from the database.
                var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
                await scheduler.ScheduleJob(
                    TriggerBuilder.Create().WithIdentity("restart-probe", "hub").ForJob("hub.housekeeping", "hub").StartAt(nextWeek).Build(), default, ct);
            }

            await using var second = new HubFactory(TestTenants.Settings(), directory);
            using var again = second.ClientWithKey(TestTenants.AlphaAdminKey);
            var jobs = await again.GetFromJsonAsync<JsonElement>("/v1/admin/jobs", ct);
            var housekeeping = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "hub.housekeeping");
            Assert.Equal("succeeded", housekeeping.GetProperty("lastRuns")[0].GetProperty("status").GetString());

            var restarted = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            var probe = await restarted.GetTrigger(new TriggerKey("restart-probe", "hub"), ct);
            Assert.NotNull(probe);
            Assert.Equal(nextWeek.ToUnixTimeSeconds(), probe.NextFireTimeUtc!.Value.ToUnixTimeSeconds());
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }
}
