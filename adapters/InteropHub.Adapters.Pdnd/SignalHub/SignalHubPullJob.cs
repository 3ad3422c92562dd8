using System.Globalization;
using System.Net;
using System.Text.Json;
using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Options;
using Refit;

namespace InteropHub.Adapters.Pdnd.SignalHub;

/// <summary>
/// Pulls one tenant's signals of one e-service from where the last run stopped, publishes each as a
/// <c>registry.signal</c> hub event (deduplicated by e-service and signal id), and only then moves the checkpoint:
/// a crash in between re-publishes a page, and the publisher drops the repeats, so nothing is lost or duplicated.
/// </summary>
internal sealed class SignalHubPullJob(ISignalHubApi api, ICheckpointStore checkpoints, IEventPublisher events, IOptions<PdndOptions> options)
    : IHubJob
{
    public const string EServiceIdKey = "eserviceId";
    public const string EventType = "registry.signal";

    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public static string CheckpointScope(TenantId tenant, string eserviceId) => $"pdnd.signalhub/{tenant}/{eserviceId}";

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant ?? throw new InvalidOperationException($"Job '{context.JobName}' must run for a tenant.");
        var eserviceId = context.Data.TryGetValue(EServiceIdKey, out var id)
            ? id
            : throw new InvalidOperationException($"Job '{context.JobName}' lacks its '{EServiceIdKey}'.");
        var settings = options.Value.SignalHub;
        var scope = CheckpointScope(tenant, eserviceId);
        var checkpoint = await checkpoints.GetAsync(scope, cancellationToken).ConfigureAwait(false);
        var lastSignalId = checkpoint is null ? 0 : long.Parse(checkpoint.Value, CultureInfo.InvariantCulture);
        var version = checkpoint?.Version;
        var modi = new ModiRequestContext(tenant);

        long pulled = 0, published = 0, pages = 0;
        var caughtUp = false;
        while (!caughtUp && pages < settings.MaxPagesPerRun)
        {
            pages++;
            using var response = await api.PullAsync(eserviceId, lastSignalId, settings.PageSize, modi, cancellationToken).ConfigureAwait(false);
            var page = Page(response);
            foreach (var signal in page.Signals)
            {
                pulled++;
                if (await events.PublishAsync(ToEvent(tenant, eserviceId, signal), cancellationToken).ConfigureAwait(false))
                {
                    published++;
                }
            }

            var previous = lastSignalId;
            var reached = page.Signals.Select(s => s.SignalId).Append(page.LastSignalId ?? previous).Max();
            if (reached > previous)
            {
                var saved = await checkpoints.SaveAsync(scope, reached.ToString(CultureInfo.InvariantCulture), version, cancellationToken).ConfigureAwait(false);
                version = saved.Version;
                lastSignalId = reached;
            }

            // A 206 that moves nothing forward would loop; leave it to the next run.
            caughtUp = response.StatusCode == HttpStatusCode.OK || reached <= previous;
        }

        var summary = caughtUp
            ? $"Caught up on e-service {eserviceId} at signal {lastSignalId}."
            : $"Stopped at signal {lastSignalId} of e-service {eserviceId} after {pages} pages; more signals wait.";
        return JobOutcome.Of(summary, ("signals", pulled), ("published", published), ("pages", pages), ("lastSignalId", lastSignalId));
    }

    private static SignalPage Page(IApiResponse<SignalPage> response)
    {
        if (response.IsSuccessStatusCode && response.Content is { } page)
        {
            return page;
        }

        var status = (int?)response.StatusCode;
        throw status is >= 400 and < 500
            ? new HubProblemException(502, ErrorCodes.UpstreamRejected, "Signal Hub refused the pull", $"Signal Hub answered {status}.")
            : new HubProblemException(503, ErrorCodes.UpstreamUnavailable, "Signal Hub unavailable",
                status is null ? "Signal Hub did not answer." : $"Signal Hub answered {status}.", inner: response.Error);
    }

    private static HubEvent ToEvent(TenantId tenant, string eserviceId, PulledSignal signal) =>
        new(
            tenant,
            EventType,
            $"pdnd/eservices/{eserviceId}/signals/{signal.SignalId}",
            JsonSerializer.Serialize(signal, EventJson),
            $"pdnd-signal:{eserviceId}:{signal.SignalId}");
}
