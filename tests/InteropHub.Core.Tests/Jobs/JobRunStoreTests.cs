using InteropHub.Core.Jobs;

namespace InteropHub.Core.Tests.Jobs;

public class JobRunStoreTests : HubDatabaseTest
{
    private const string Job = "pagopa-receipts";
    private const string Here = "hub-a";
    private const string Neighbour = "hub-b";

    private IJobRunStore Store => Db.Get<IJobRunStore>();

    [Fact]
    public async Task A_finished_run_records_its_outcome()
    {
        var started = HubTestDatabase.Start;
        var id = await Store.StartAsync(Job, TestTenants.AId, triggeredManually: true, Here, started.AddSeconds(-1), started, Ct);

        await Store.FinishAsync(id, JobRunStatus.Succeeded, "3 receipts", new Dictionary<string, long> { ["receipts"] = 3, ["skipped"] = 0 }, null, started.AddSeconds(7), Ct);

        var run = Assert.Single(await Store.RecentAsync(Job, 10, Ct));
        Assert.Equal(id, run.Id);
        Assert.Equal(TestTenants.AId, run.Tenant);
        Assert.True(run.TriggeredManually);
        Assert.Equal(Here, run.Instance);
        Assert.Equal(started.AddSeconds(-1), run.ScheduledAt);
        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Equal(started, run.StartedAt);
        Assert.Equal(started.AddSeconds(7), run.FinishedAt);
        Assert.Equal("3 receipts", run.Summary);
        Assert.Equal(new Dictionary<string, long> { ["receipts"] = 3, ["skipped"] = 0 }, run.Counts);
        Assert.Null(run.Error);
    }

    [Fact]
    public async Task A_running_run_has_no_end_yet()
    {
        await Store.StartAsync(Job, null, triggeredManually: false, Here, null, HubTestDatabase.Start, Ct);

        var run = Assert.Single(await Store.RecentAsync(Job, 10, Ct));
        Assert.Equal(JobRunStatus.Running, run.Status);
        Assert.Null(run.Tenant);
        Assert.Null(run.FinishedAt);
        Assert.Empty(run.Counts);
    }

    [Fact]
    public async Task Recent_runs_are_the_job_own_newest_first_up_to_the_limit()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Store.StartAsync(Job, null, false, Here, null, HubTestDatabase.Start.AddMinutes(i), Ct));
        }

        await Store.StartAsync("another-job", null, false, Here, null, HubTestDatabase.Start, Ct);

        Assert.Equal([ids[2], ids[1]], (await Store.RecentAsync(Job, 2, Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task Runs_left_running_by_a_crash_of_this_instance_are_marked_interrupted_and_a_live_neighbour_runs_stay_running()
    {
        var crashed = await Store.StartAsync(Job, null, false, Here, null, HubTestDatabase.Start, Ct);
        var done = await Store.StartAsync(Job, null, false, Here, null, HubTestDatabase.Start, Ct);
        await Store.FinishAsync(done, JobRunStatus.Failed, null, null, "upstream-timeout", HubTestDatabase.Start.AddSeconds(1), Ct);
        var neighbours = await Store.StartAsync("another-job", null, false, Neighbour, null, HubTestDatabase.Start, Ct);
        Db.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await Store.MarkRunningAsInterruptedAsync(Here, Ct));

        var runs = (await Store.RecentAsync(Job, 10, Ct)).ToDictionary(r => r.Id);
        Assert.Equal(JobRunStatus.Interrupted, runs[crashed].Status);
        Assert.Equal(HubTestDatabase.Start.AddHours(1), runs[crashed].FinishedAt);
        Assert.Equal(JobRunStatus.Failed, runs[done].Status);
        Assert.Equal("upstream-timeout", runs[done].Error);
        var live = Assert.Single(await Store.RecentAsync("another-job", 10, Ct));
        Assert.Equal((neighbours, JobRunStatus.Running), (live.Id, live.Status));
    }

    [Fact]
    public async Task A_take_over_interrupts_the_job_runs_of_the_dead_instance_and_names_both_instances()
    {
        var dead = await Store.StartAsync(Job, null, false, Neighbour, HubTestDatabase.Start, HubTestDatabase.Start, Ct);
        var other = await Store.StartAsync("another-job", null, false, Neighbour, null, HubTestDatabase.Start, Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, await Store.TakeOverAsync(Job, Here, Ct));

        var run = Assert.Single(await Store.RecentAsync(Job, 10, Ct));
        Assert.Equal((dead, JobRunStatus.Interrupted), (run.Id, run.Status));
        Assert.Equal(HubTestDatabase.Start.AddMinutes(1), run.FinishedAt);
        Assert.Equal($"Instance {Neighbour} stopped before the run finished; instance {Here} ran the job again.", run.Error);
        var untouched = Assert.Single(await Store.RecentAsync("another-job", 10, Ct));
        Assert.Equal((other, JobRunStatus.Running), (untouched.Id, untouched.Status));
    }

    [Fact]
    public async Task A_fire_counts_as_finished_only_once_its_run_succeeded_or_failed()
    {
        var fire = HubTestDatabase.Start.AddMinutes(-5);
        var running = await Store.StartAsync(Job, null, false, Here, fire, HubTestDatabase.Start, Ct);
        await Store.StartAsync("another-job", null, false, Here, fire.AddMinutes(-1), HubTestDatabase.Start, Ct);
        Assert.False(await Store.FireFinishedAsync(Job, fire, Ct));

        await Store.FinishAsync(running, JobRunStatus.Interrupted, null, null, "stopped", HubTestDatabase.Start, Ct);
        Assert.False(await Store.FireFinishedAsync(Job, fire, Ct));

        var again = await Store.StartAsync(Job, null, false, Neighbour, fire, HubTestDatabase.Start, Ct);
        await Store.FinishAsync(again, JobRunStatus.Failed, null, null, "refused", HubTestDatabase.Start, Ct);
        Assert.True(await Store.FireFinishedAsync(Job, fire, Ct));
        Assert.False(await Store.FireFinishedAsync(Job, fire.AddSeconds(1), Ct));
        Assert.False(await Store.FireFinishedAsync("another-job", fire, Ct));
    }

    [Fact]
    public async Task Finishing_an_unknown_run_fails()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.FinishAsync(404, JobRunStatus.Succeeded, null, null, null, HubTestDatabase.Start, Ct));
    }
}
