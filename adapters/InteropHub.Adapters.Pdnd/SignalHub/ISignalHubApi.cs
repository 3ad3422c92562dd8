using System.Text.Json.Serialization;
using InteropHub.Contracts.Pdnd;
using Refit;

namespace InteropHub.Adapters.Pdnd.SignalHub;

/// <summary>Signal Hub pull API (<c>pull-signals.yaml</c>): 200 when caught up, 206 when more signals wait.</summary>
internal interface ISignalHubApi
{
    [Get("/pull/signals/{eserviceId}")]
    Task<IApiResponse<SignalPage>> PullAsync(
        string eserviceId,
        [Query] long signalId,
        [Query] int size,
        [Property(ModiRequestContext.OptionsKeyName)] ModiRequestContext context,
        CancellationToken cancellationToken);
}

/// <summary>One page of signals; <see cref="LastSignalId"/> is null when there are none.</summary>
internal sealed record SignalPage(IReadOnlyList<PulledSignal> Signals, long? LastSignalId);

/// <summary>A change signal about an object (pseudonymized id) of an e-service's data.</summary>
internal sealed record PulledSignal(
    long SignalId,
    string SignalType,
    string ObjectId,
    string ObjectType,
    [property: JsonPropertyName("eserviceId")] string EServiceId);
