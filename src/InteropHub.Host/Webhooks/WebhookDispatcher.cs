using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using InteropHub.Core.Webhooks;
using InteropHub.Host.Apis;
using InteropHub.Host.Configuration;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace InteropHub.Host.Webhooks;

/// <summary>
/// One delivery round: turns new events into deliveries, claims the due ones and POSTs each, signed, to its
/// subscription's URL; a 2xx marks it delivered, anything else is recorded for a retry.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IWebhookDeliveryStore store,
    IHttpClientFactory clients,
    IOptionsMonitor<HubOptions> hub,
    IOptions<WebhookDeliveryOptions> options,
    IOptions<JsonOptions> json,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    public const string ClientName = "webhooks";

    // A claim outlives the attempt's timeout, so an attempt in flight is never claimed twice.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    /// <summary>Runs one round; returns how many deliveries it attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await store.EnqueueAsync(cancellationToken);
        var due = await store.ClaimDueAsync(settings.BatchSize, settings.Timeout + LeaseMargin, cancellationToken);
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = cancellationToken },
            async (dispatch, ct) => await DeliverAsync(dispatch, ct));
        return due.Count;
    }

    private async Task DeliverAsync(WebhookDispatch dispatch, CancellationToken cancellationToken)
    {
        if (WebhookTargetPolicy.Check(dispatch.Url.AbsoluteUri, hub.CurrentValue.Webhooks) is { } refused)
        {
            await FailedAsync(dispatch, null, "target refused: " + refused, cancellationToken);
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(EventItem.From(dispatch.Event), json.Value.SerializerOptions);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, dispatch.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.EventIdHeader, dispatch.Event.Id);
        request.Headers.Add(WebhookSignature.EventTypeHeader, dispatch.Event.Type);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(dispatch.Secret, timestamp, body));

        int status;
        try
        {
            // The receiver's body is neither read nor stored: its status code is the whole answer.
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException e)
        {
            await FailedAsync(dispatch, null, Innermost(e).Message, cancellationToken);
            return;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await FailedAsync(dispatch, null, $"no answer within {options.Value.Timeout.TotalSeconds:0.###} s", cancellationToken);
            return;
        }

        if (status is >= 200 and < 300)
        {
            await store.RecordDeliveredAsync(dispatch, status, cancellationToken);
            LogDelivered(logger, dispatch.DeliveryId, dispatch.SubscriptionId, dispatch.Event.Id, status);
        }
        else
        {
            await FailedAsync(dispatch, status, $"HTTP {status}", cancellationToken);
        }
    }

    private async Task FailedAsync(WebhookDispatch dispatch, int? status, string error, CancellationToken cancellationToken)
    {
        var after = await store.RecordFailedAsync(dispatch, status, error, cancellationToken);
        if (after?.Status == WebhookDeliveryStatus.Dead)
        {
            LogDeadLettered(logger, dispatch.DeliveryId, dispatch.SubscriptionId, dispatch.Event.Id, after.Attempts, error);
        }
        else if (after is not null)
        {
            LogFailed(logger, dispatch.DeliveryId, dispatch.SubscriptionId, dispatch.Event.Id, error, after.NextAttemptAt);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId} (subscription {SubscriptionId}, event {EventId}) delivered: HTTP {StatusCode}.")]
    private static partial void LogDelivered(ILogger logger, long deliveryId, Guid subscriptionId, string eventId, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} (subscription {SubscriptionId}, event {EventId}) failed: {Error}; next attempt at {NextAttemptAt:O}.")]
    private static partial void LogFailed(ILogger logger, long deliveryId, Guid subscriptionId, string eventId, string error, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} (subscription {SubscriptionId}, event {EventId}) dead-lettered after {Attempts} attempts: {Error}.")]
    private static partial void LogDeadLettered(ILogger logger, long deliveryId, Guid subscriptionId, string eventId, int attempts, string error);
}
