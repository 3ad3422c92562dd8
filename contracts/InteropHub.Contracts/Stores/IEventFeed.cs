using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Stores;

/// <summary>Reads one tenant's events in the order they were stored.</summary>
public interface IEventFeed
{
    /// <summary>Up to <paramref name="limit"/> events of <paramref name="tenant"/> with a sequence greater than <paramref name="after"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(TenantId tenant, long after, int limit, CancellationToken cancellationToken);
}
