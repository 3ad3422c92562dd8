namespace InteropHub.Core.Webhooks;

/// <summary>A tenant's webhook subscription as stored.</summary>
internal sealed class WebhookSubscriptionRow
{
    public Guid Id { get; init; }

    public required string Tenant { get; init; }

    public required string Url { get; init; }

    /// <summary>The subscribed event types as a JSON array.</summary>
    public required string EventTypesJson { get; init; }

    /// <summary>The key deliveries are signed with; the hub must read it back, so it is stored as is.</summary>
    public required string Secret { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last event sequence already turned into deliveries (or skipped) for this subscription.</summary>
    public long EnqueuedThrough { get; set; }
}
