using System.Security.Cryptography;
using System.Text.Json.Serialization;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Webhooks;
using InteropHub.Host.Auth;
using InteropHub.Host.Configuration;
using InteropHub.Host.Idempotency;
using InteropHub.Host.Problems;
using InteropHub.Host.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Apis;

/// <summary>
/// <c>/v1/webhooks</c>: a tenant's subscriptions to hub events. Reads and deletes are scoped to the caller's tenant,
/// so another tenant's subscription answers 404, exactly like one that does not exist.
/// </summary>
internal static class WebhooksApi
{
    private const int MaxEventTypes = 32;
    private const int MinSecretLength = 16;
    private const int MaxSecretLength = 256;
    private const int MaxDeliveriesLimit = 1000;

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        // Webhooks carry payment and registry events alike; managing them is an administrative act.
        var group = app.MapGroup("/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Contracts.Tenancy.Scopes.Admin);
        group.MapPost("/", CreateAsync).WithIdempotency().WithName("CreateWebhook").WithSummary("Subscribes a URL to hub events; the signing secret is shown once.");
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("This tenant's webhook subscriptions.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("One webhook subscription.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Removes a webhook subscription.");
        group.MapGet("/{id:guid}/deliveries", ListDeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("A subscription's deliveries, oldest first: attempts, last status, next attempt, delivered or dead-lettered time.");
        return group;
    }

    private static async Task<Results<Created<WebhookCreated>, ValidationProblem>> CreateAsync(
        WebhookRequest request, HttpContext http, IWebhookSubscriptionStore store, IOptionsMonitor<HubOptions> options, IWebhookHostLookup lookup, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (await WebhookTargetPolicy.CheckAsync(request.Url, options.CurrentValue.Webhooks, lookup, cancellationToken) is { } urlProblem)
        {
            errors["url"] = [urlProblem];
        }

        var types = request.EventTypes ?? [];
        if (types.Count == 0)
        {
            errors["eventTypes"] = ["eventTypes must name at least one event type (or \"*\")."];
        }
        else if (types.Count > MaxEventTypes)
        {
            errors["eventTypes"] = [$"eventTypes may name at most {MaxEventTypes} entries."];
        }
        else
        {
            for (var i = 0; i < types.Count; i++)
            {
                if (types[i] is null || !EventTypes.IsValidFilter(types[i]))
                {
                    errors[$"eventTypes[{i}]"] = [$"Unknown event type; known: {string.Join(", ", EventTypes.All)}, a family wildcard such as payment.*, or *."];
                }
            }
        }

        if (request.Secret is { } secret && (secret.Length < MinSecretLength || secret.Length > MaxSecretLength))
        {
            errors["secret"] = [$"secret must be {MinSecretLength} to {MaxSecretLength} characters (or omitted, and the hub generates one)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid webhook subscription", detail: "Some fields are not acceptable; see errors.");
        }

        var signingSecret = request.Secret ?? "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(24));
        var created = await store.CreateAsync(http.User.Tenant(), new Uri(request.Url!), types.Distinct(StringComparer.Ordinal).ToList(), signingSecret, cancellationToken);
        return TypedResults.Created($"/v1/webhooks/{created.Id}", new WebhookCreated(created.Id, created.Url.ToString(), created.EventTypes, created.CreatedAt, created.Secret));
    }

    private static async Task<Ok<WebhookInfo[]>> ListAsync(HttpContext http, IWebhookSubscriptionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(http.User.Tenant(), cancellationToken)).Select(WebhookInfo.From).ToArray());

    private static async Task<Results<Ok<WebhookInfo>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, IWebhookSubscriptionStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(http.User.Tenant(), id, cancellationToken) is { } found
            ? TypedResults.Ok(WebhookInfo.From(found))
            : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, IWebhookSubscriptionStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(http.User.Tenant(), id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<WebhookDeliveryPage>, ValidationProblem, ProblemHttpResult>> ListDeliveriesAsync(
        Guid id, HttpContext http, IWebhookDeliveryStore store, CancellationToken cancellationToken, string? status = null, long after = 0, int limit = 100)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        WebhookDeliveryStatus? wanted = status switch
        {
            null => null,
            "pending" => WebhookDeliveryStatus.Pending,
            "delivered" => WebhookDeliveryStatus.Delivered,
            "dead" => WebhookDeliveryStatus.Dead,
            _ => null,
        };
        if (status is not null && wanted is null)
        {
            errors["status"] = ["status must be pending, delivered or dead."];
        }

        if (after < 0)
        {
            errors["after"] = ["after must be 0 or a cursor returned as next."];
        }

        if (limit is < 1 or > MaxDeliveriesLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxDeliveriesLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query", detail: "Some query parameters are not acceptable; see errors.");
        }

        var deliveries = await store.ListAsync(http.User.Tenant(), id, wanted, after, limit, cancellationToken);
        return deliveries is null
            ? NotFound(id)
            : TypedResults.Ok(new WebhookDeliveryPage([.. deliveries.Select(WebhookDeliveryInfo.From)], deliveries.Count > 0 ? deliveries[^1].Id : after));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        Problem.Result(404, ErrorCodes.NotFound, "No such webhook", $"No webhook subscription {id} exists for this tenant.");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A new subscription: where to deliver, which events, and optionally the signing secret (else generated).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record WebhookRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Secret);

/// <summary>A subscription as stored; the secret is never shown again after creation.</summary>
internal sealed record WebhookInfo(Guid Id, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt)
{
    public static WebhookInfo From(WebhookSubscription s) => new(s.Id, s.Url.ToString(), s.EventTypes, s.CreatedAt);
}

/// <summary>The answer to a creation: the subscription and, this once, its signing secret.</summary>
internal sealed record WebhookCreated(Guid Id, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt, string Secret);

/// <summary>A page of deliveries and the cursor to pass as <c>after</c> next time.</summary>
internal sealed record WebhookDeliveryPage(WebhookDeliveryInfo[] Deliveries, long Next);

/// <summary>One event's delivery to a subscription; the receiver's response body is never kept.</summary>
internal sealed record WebhookDeliveryInfo(
    long Id,
    string EventId,
    long EventSequence,
    string EventType,
    string Subject,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? DeadLetteredAt)
{
    public static WebhookDeliveryInfo From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventSequence, d.EventType, d.Subject, d.Status, d.Attempts, d.CreatedAt, d.FirstAttemptAt, d.LastAttemptAt,
        d.LastStatusCode, d.LastError, d.NextAttemptAt, d.DeliveredAt, d.DeadAt);
}
