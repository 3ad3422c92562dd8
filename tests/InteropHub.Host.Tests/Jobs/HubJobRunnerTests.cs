using System.Reflection;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Jobs;
using InteropHub.Host.Adapters;
using InteropHub.Host.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using JobRunStatus = InteropHub.Core.Jobs.JobRunStatus;

namespace InteropHub.Host.Tests.Jobs;

/// <summary>
/// A fire Quartz recovers runs again only if its run did not finish: a cluster declares an instance dead when it misses
/// its check-ins, and one that was only late has already run the fire it is recovered for.
/// </summary>
public sealed class HubJobRunnerTests
{
    private const string Job = "hub.counting";
    private static readonly DateTimeOffset Fire = new(2026, 12, 8, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_recovered_fire_whose_run_finished_is_not_run_again()
    {
        var runs = new RecordedRuns();
        runs.Add(Fire, JobRunStatus.Succeeded);

        var executed = await ExecuteAsync(runs, recovering: true);

        Assert.Equal(0, executed);
        Assert.Single(runs.Rows);
    }

    [Fact]
    public async Task A_recovered_fire_whose_run_was_left_running_is_run_again_and_the_left_run_taken_over()
    {
        var runs = new RecordedRuns();
        runs.Add(Fire, JobRunStatus.Running);

        var executed = await ExecuteAsync(runs, recovering: true);

        Assert.Equal(1, executed);
        Assert.Equal([JobRunStatus.Interrupted, JobRunStatus.Succeeded], runs.Rows.Select(r => r.Status));
        Assert.All(runs.Rows, r => Assert.Equal(Fire, r.ScheduledAt));
    }

    [Fact]
    public async Task A_fire_that_is_not_a_recovery_runs_even_when_a_run_of_the_same_instant_finished()
    {
        var runs = new RecordedRuns();
        runs.Add(Fire, JobRunStatus.Succeeded);

        var executed = await ExecuteAsync(runs, recovering: false);

        Assert.Equal(1, executed);
        Assert.Equal(2, runs.Rows.Count);
    }

    private static async Task<int> ExecuteAsync(RecordedRuns runs, bool recovering)
    {
        CountingJob.Executed = 0;
        var time = new FakeTimeProvider(Fire.AddSeconds(30));
        var catalog = new AdapterCatalog([], [new JobDeclaration { Name = Job, JobType = typeof(CountingJob), Cron = "0 0 * * * ?" }]);
        using var services = new ServiceCollection().BuildServiceProvider();
        var runner = new HubJobRunner(catalog, services, runs, new JobDrain(time, NullLogger<JobDrain>.Instance), time, NullLogger<HubJobRunner>.Instance);
        var detail = JobBuilder.Create<HubJobRunner>().WithIdentity(Job, HubJobRunner.Group).Build();
        var context = Fake<IJobExecutionContext>.Of(new Dictionary<string, object?>
        {
            [nameof(IJobExecutionContext.JobDetail)] = detail,
            [nameof(IJobExecutionContext.MergedJobDataMap)] = new JobDataMap(),
            [nameof(IJobExecutionContext.Scheduler)] = Fake<IScheduler>.Of(new() { [nameof(IScheduler.SchedulerInstanceId)] = "hub-b" }),
            [nameof(IJobExecutionContext.Recovering)] = recovering,
            [nameof(IJobExecutionContext.ScheduledFireTimeUtc)] = (DateTimeOffset?)Fire,
            [nameof(IJobExecutionContext.FireTimeUtc)] = time.GetUtcNow(),
        });
        await runner.Execute(context, TestContext.Current.CancellationToken);

        return CountingJob.Executed;
    }

    /// <summary>An interface whose properties answer from a dictionary; anything else it is asked throws.</summary>
    public class Fake<T> : DispatchProxy
        where T : class
    {
        private Dictionary<string, object?> _properties = [];

        public static T Of(Dictionary<string, object?> properties)
        {
            var fake = Create<T, Fake<T>>();
            ((Fake<T>)(object)fake)._properties = properties;
            return fake;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name.StartsWith("get_", StringComparison.Ordinal) == true && _properties.TryGetValue(targetMethod.Name[4..], out var value)
                ? value
                : throw new NotSupportedException(targetMethod?.Name);
    }

    private sealed class CountingJob : IHubJob
    {
        public static int Executed;

        public ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Executed);
            return ValueTask.FromResult(JobOutcome.Of("counted"));
        }
    }

    private sealed class RecordedRuns : IJobRunStore
    {
        public List<(long Id, DateTimeOffset? ScheduledAt, JobRunStatus Status)> Rows { get; } = [];

        public void Add(DateTimeOffset scheduledAt, JobRunStatus status) => Rows.Add((Rows.Count + 1, scheduledAt, status));

        public Task<long> StartAsync(string jobName, TenantId? tenant, bool triggeredManually, string instance, DateTimeOffset? scheduledAt, DateTimeOffset startedAt, CancellationToken cancellationToken)
        {
            Rows.Add((Rows.Count + 1, scheduledAt, JobRunStatus.Running));
            return Task.FromResult((long)Rows.Count);
        }

        public Task FinishAsync(long runId, JobRunStatus status, string? summary, IReadOnlyDictionary<string, long>? counts, string? error, DateTimeOffset finishedAt, CancellationToken cancellationToken)
        {
            var index = Rows.FindIndex(r => r.Id == runId);
            Rows[index] = Rows[index] with { Status = status };
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<JobRun>> RecentAsync(string jobName, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> MarkRunningAsInterruptedAsync(string instance, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> TakeOverAsync(string jobName, string instance, CancellationToken cancellationToken)
        {
            var taken = 0;
            for (var i = 0; i < Rows.Count; i++)
            {
                if (Rows[i].Status == JobRunStatus.Running)
                {
                    Rows[i] = Rows[i] with { Status = JobRunStatus.Interrupted };
                    taken++;
                }
            }

            return Task.FromResult(taken);
        }

        public Task<bool> FireFinishedAsync(string jobName, DateTimeOffset scheduledAt, CancellationToken cancellationToken) =>
            Task.FromResult(Rows.Any(r => r.ScheduledAt == scheduledAt && r.Status is JobRunStatus.Succeeded or JobRunStatus.Failed));
    }
}
