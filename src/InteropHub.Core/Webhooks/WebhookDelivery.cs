namespace InteropHub.Core.Webhooks;

/// <summary>A delivery as <c>GET /v1/webhooks/{id}/deliveries</c> shows it.</summary>
public sealed record WebhookDelivery(
    long Id,
    Guid SubscriptionId,
    long EventSequence,
    string EventId,
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
    DateTimeOffset? DeadAt);
