namespace InteropHub.Core.Webhooks;

/// <summary>Where a delivery stands: waiting for its (next) attempt, acknowledged with a 2xx, or given up after the retry window.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Dead,
}
