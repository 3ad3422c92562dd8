namespace InteropHub.Core.Webhooks;

/// <summary>One event to deliver to one subscription, and how its delivery went so far.</summary>
internal sealed class WebhookDeliveryRow
{
    public long Id { get; init; }

    public Guid SubscriptionId { get; init; }

    public required string Tenant { get; init; }

    public long EventSequence { get; init; }

    public required string EventId { get; init; }

    public required string EventType { get; init; }

    /// <summary>The event's subject; deliveries of one subject to one subscription go out in sequence order.</summary>
    public required string Subject { get; init; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While set and in the future, one worker holds the attempt; a crash lets it lapse and the attempt is retried.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Which claim holds the lease: only that claim may record a failed attempt.</summary>
    public Guid? LeaseToken { get; set; }

    public DateTimeOffset? FirstAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    /// <summary>Why the last attempt failed, at most <see cref="WebhookDeliveryStore.MaxErrorLength"/> characters.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? DeadAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
