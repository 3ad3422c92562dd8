using System.Net;
using System.Text.Json;
using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Adapters.Pdnd.SignalHub;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Jobs;
using Microsoft.Extensions.Time.Testing;
using Refit;

namespace InteropHub.Adapters.Pdnd.Tests.SignalHub;

public sealed class SignalHubPullJobTests
{
    private static readonly HubJobContext Context = new(
        "pdnd-signalhub-demo-a",
        PdndTestBed.Tenant,
        new Dictionary<string, string> { [SignalHubPullJob.EServiceIdKey] = FakeSignalHub.EServiceId },
        DateTimeOffset.UnixEpoch,
        TriggeredManually: false);

    private readonly FakeSignalHub _hub = new();
    private readonly InMemoryCheckpointStore _checkpoints = new(new FakeTimeProvider());
    private readonly DeduplicatingEventPublisher _events = new();
    private readonly PdndOptions _options = new() { SignalHub = { PageSize = 10 } };

    // A new instance per run, as the host creates one per run: only the stores survive.
    private SignalHubPullJob NewJob()
    {
        var api = RestService.For<ISignalHubApi>(new HttpClient(_hub.Handler) { BaseAddress = new Uri("http://signalhub.test/1.0") });
        return new SignalHubPullJob(api, _checkpoints, _events, Microsoft.Extensions.Options.Options.Create(_options));
    }

    private ValueTask<JobOutcome> Run() => NewJob().ExecuteAsync(Context, TestContext.Current.CancellationToken);

    private string? Checkpoint() =>
        _checkpoints.GetAsync(SignalHubPullJob.CheckpointScope(PdndTestBed.Tenant, FakeSignalHub.EServiceId), CancellationToken.None).Result?.Value;

    private List<string> StoredSignalKeys() => _events.Stored.Select(e => e.DeduplicationKey).ToList();

    private static List<string> Keys(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(id => $"pdnd-signal:{FakeSignalHub.EServiceId}:{id}").ToList();

    [Fact]
    public async Task Follows_206_pages_until_200_and_checkpoints_the_last_signal()
    {
        _hub.Publish(25);

        var outcome = await Run();

        Assert.Equal([(0L, 10), (10L, 10), (20L, 10)], _hub.Pulls);
        Assert.Equal(Keys(1, 25), StoredSignalKeys());
        Assert.Equal("25", Checkpoint());
        Assert.Equal(25, outcome.Counts["published"]);
        Assert.Equal(3, outcome.Counts["pages"]);
        Assert.StartsWith("Caught up", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pulls_the_e_service_path_with_the_tenant_as_request_context()
    {
        _hub.Publish(1);

        await Run();

        var request = Assert.Single(_hub.Handler.Received);
        Assert.Equal($"/1.0/pull/signals/{FakeSignalHub.EServiceId}", request.Uri.AbsolutePath);
        var context = Assert.Single(_hub.Contexts);
        Assert.Equal(PdndTestBed.Tenant, context!.Tenant);
        Assert.Null(context.PurposeId);
    }

    [Fact]
    public async Task Publishes_registry_signal_events_with_the_signal_as_data()
    {
        _hub.Publish(1);

        await Run();

        var hubEvent = Assert.Single(_events.Stored);
        Assert.Equal(PdndTestBed.Tenant, hubEvent.Tenant);
        Assert.Equal("registry.signal", hubEvent.Type);
        Assert.Equal($"pdnd/eservices/{FakeSignalHub.EServiceId}/signals/1", hubEvent.Subject);
        var data = JsonDocument.Parse(hubEvent.DataJson).RootElement;
        Assert.Equal(1, data.GetProperty("signalId").GetInt64());
        Assert.Equal("UPDATE", data.GetProperty("signalType").GetString());
        Assert.Equal("obj-1", data.GetProperty("objectId").GetString());
        Assert.Equal("resident", data.GetProperty("objectType").GetString());
        Assert.Equal(FakeSignalHub.EServiceId, data.GetProperty("eserviceId").GetString());
    }

    [Fact]
    public async Task A_restarted_job_resumes_from_the_checkpoint()
    {
        _hub.Publish(12);
        await Run();
        _hub.Publish(5);
        _hub.Pulls.Clear();

        var outcome = await Run();

        Assert.Equal([(12L, 10)], _hub.Pulls);
        Assert.Equal(5, outcome.Counts["published"]);
        Assert.Equal(Keys(1, 17), StoredSignalKeys());
        Assert.Equal("17", Checkpoint());
    }

    [Fact]
    public async Task A_crash_between_publish_and_checkpoint_loses_and_duplicates_nothing()
    {
        _hub.Publish(15);
        _checkpoints.CrashOnNextSave = true;

        await Assert.ThrowsAsync<IOException>(() => Run().AsTask());
        Assert.Equal(Keys(1, 10), StoredSignalKeys());
        Assert.Null(Checkpoint());

        var outcome = await Run();

        Assert.Equal(Keys(1, 15), StoredSignalKeys());
        Assert.Equal(25, _events.Attempts);
        Assert.Equal(5, outcome.Counts["published"]);
        Assert.Equal("15", Checkpoint());
    }

    [Fact]
    public async Task Caught_up_with_no_signals_saves_no_checkpoint()
    {
        var outcome = await Run();

        Assert.Equal(0, _checkpoints.Saves);
        Assert.Equal(0, outcome.Counts["signals"]);
        Assert.StartsWith("Caught up", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_after_the_page_limit_and_leaves_the_rest_to_the_next_run()
    {
        _options.SignalHub.MaxPagesPerRun = 2;
        _hub.Publish(35);

        var first = await Run();
        var second = await Run();

        Assert.StartsWith("Stopped at signal 20", first.Summary, StringComparison.Ordinal);
        Assert.Equal("35", Checkpoint());
        Assert.Equal(15, second.Counts["published"]);
        Assert.Equal(Keys(1, 35), StoredSignalKeys());
    }

    [Fact]
    public async Task A_refused_pull_fails_the_run_and_keeps_the_checkpoint()
    {
        _hub.Publish(3);
        await Run();
        _hub.FailNext(HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<HubProblemException>(() => Run().AsTask());

        Assert.Equal(ErrorCodes.UpstreamRejected, error.Code);
        Assert.Equal("3", Checkpoint());
    }
}
