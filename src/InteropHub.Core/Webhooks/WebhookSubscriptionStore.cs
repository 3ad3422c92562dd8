using System.Text.Json;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Webhooks;

internal sealed class WebhookSubscriptionStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IWebhookSubscriptionStore
{
    public async Task<WebhookSubscription> CreateAsync(TenantId tenant, Uri url, IReadOnlyList<string> eventTypes, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(eventTypes);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("A webhook URL must be absolute.", nameof(url));
        }

        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // A new subscription receives the events stored after it, not the history (the pull feed has that).
            var latest = await db.Events.MaxAsync(e => (long?)e.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
            var row = new WebhookSubscriptionRow
            {
                Id = Guid.CreateVersion7(now),
                Tenant = tenant.Value,
                Url = url.AbsoluteUri,
                EventTypesJson = JsonSerializer.Serialize(eventTypes),
                Secret = secret,
                CreatedAt = now,
                EnqueuedThrough = latest,
            };
            db.WebhookSubscriptions.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return ToSubscription(row);
        }
    }

    public async Task<WebhookSubscription?> FindAsync(TenantId tenant, Guid id, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.WebhookSubscriptions.AsNoTracking()
                .SingleOrDefaultAsync(w => w.Tenant == tenant.Value && w.Id == id, cancellationToken)
                .ConfigureAwait(false);
            return row is null ? null : ToSubscription(row);
        }
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.WebhookSubscriptions.AsNoTracking()
                .Where(w => w.Tenant == tenant.Value)
                .OrderBy(w => w.CreatedAt)
                .ThenBy(w => w.Id)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return rows.ConvertAll(ToSubscription);
        }
    }

    public async Task<bool> DeleteAsync(TenantId tenant, Guid id, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var deleted = await db.WebhookSubscriptions
                .Where(w => w.Tenant == tenant.Value && w.Id == id)
                .ExecuteDeleteAsync(cancellationToken)
                .ConfigureAwait(false);
            return deleted > 0;
        }
    }

    private static WebhookSubscription ToSubscription(WebhookSubscriptionRow row) => new(
        row.Id,
        TenantId.Parse(row.Tenant),
        new Uri(row.Url, UriKind.Absolute),
        JsonSerializer.Deserialize<List<string>>(row.EventTypesJson) ?? [],
        row.Secret,
        row.CreatedAt);
}
