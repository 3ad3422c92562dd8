using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Webhooks;

/// <summary>A tenant's webhook subscriptions. Every read is scoped by tenant: another tenant's id is simply not found.</summary>
public interface IWebhookSubscriptionStore
{
    Task<WebhookSubscription> CreateAsync(TenantId tenant, Uri url, IReadOnlyList<string> eventTypes, string secret, CancellationToken cancellationToken);

    Task<WebhookSubscription?> FindAsync(TenantId tenant, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookSubscription>> ListAsync(TenantId tenant, CancellationToken cancellationToken);

    /// <summary>True when a subscription of this tenant was deleted.</summary>
    Task<bool> DeleteAsync(TenantId tenant, Guid id, CancellationToken cancellationToken);
}

public sealed record WebhookSubscription(Guid Id, TenantId Tenant, Uri Url, IReadOnlyList<string> EventTypes, string Secret, DateTimeOffset CreatedAt);
