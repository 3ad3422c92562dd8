using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Stores;

/// <summary>
/// Appends hub events to the outbox that feeds <c>GET /v1/events</c> (and, later, webhooks).
/// </summary>
public interface IEventPublisher
{
    /// <summary>
    /// Stores the event; returns false, storing nothing, when an event with the same
    /// (<see cref="HubEvent.Tenant"/>, <see cref="HubEvent.DeduplicationKey"/>) is already stored — so a job that
    /// re-publishes after a crash never duplicates.
    /// </summary>
    Task<bool> PublishAsync(HubEvent hubEvent, CancellationToken cancellationToken);
}

/// <summary>
/// A state change worth telling the comune about. <see cref="Type"/> is dotted (<c>payment.paid</c>,
/// <c>registry.signal</c>); <see cref="Subject"/> names the resource; <see cref="DataJson"/> is a JSON object.
/// </summary>
public sealed record HubEvent(TenantId Tenant, string Type, string Subject, string DataJson, string DeduplicationKey);

/// <summary>A stored event as the feed returns it: a strictly increasing sequence number is the cursor.</summary>
public sealed record StoredEvent(long Sequence, string Id, TenantId Tenant, string Type, string Subject, string DataJson, DateTimeOffset OccurredAt);
