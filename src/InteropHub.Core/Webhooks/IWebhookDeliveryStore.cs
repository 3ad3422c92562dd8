using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Webhooks;

/// <summary>
/// Webhook deliveries in the database: each stored event matching a subscription becomes one delivery row, attempted
/// until a 2xx or until the retry window closes. Every step is guarded by the database, so several workers (or a
/// restarted one) never lose a delivery nor hold two attempts of the same one at once.
/// </summary>
public interface IWebhookDeliveryStore
{
    /// <summary>Creates deliveries for events stored since each subscription's cursor; returns how many were created.</summary>
    Task<int> EnqueueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due deliveries for <paramref name="lease"/>: pending, due, not held, and
    /// with no earlier pending delivery of the same subject to the same subscription. Claims made at once by several
    /// instances never share a delivery.
    /// </summary>
    Task<IReadOnlyList<WebhookDispatch>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the claimed delivery delivered (whether or not its lease has lapsed meanwhile: the receiver has it).</summary>
    Task RecordDeliveredAsync(WebhookDispatch dispatch, int statusCode, CancellationToken cancellationToken);

    /// <summary>
    /// Schedules the next attempt with back-off, or dead-letters once the retry window has passed; null when the
    /// delivery is gone or the claim lost its lease to another claim.
    /// </summary>
    Task<WebhookDelivery?> RecordFailedAsync(WebhookDispatch dispatch, int? statusCode, string error, CancellationToken cancellationToken);

    /// <summary>A subscription's deliveries after the cursor <paramref name="after"/>, oldest first; null when the tenant has no such subscription.</summary>
    Task<IReadOnlyList<WebhookDelivery>?> ListAsync(
        TenantId tenant, Guid subscriptionId, WebhookDeliveryStatus? status, long after, int limit, CancellationToken cancellationToken);
}
