using System.Text.Json;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Events;

internal sealed class EventStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time) : IEventPublisher, IEventFeed
{
    public async Task<bool> PublishAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hubEvent);
        ArgumentException.ThrowIfNullOrEmpty(hubEvent.DeduplicationKey);
        EnsureJsonObject(hubEvent.DataJson);
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.Events.Add(new EventRow
            {
                Id = Guid.CreateVersion7(now).ToString(),
                Tenant = hubEvent.Tenant.Value,
                Type = hubEvent.Type,
                Subject = hubEvent.Subject,
                DataJson = hubEvent.DataJson,
                DeduplicationKey = hubEvent.DeduplicationKey,
                OccurredAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                return false;
            }
        }
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(TenantId tenant, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Events.AsNoTracking()
                .Where(e => e.Tenant == tenant.Value && e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(limit)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return rows.ConvertAll(e => new StoredEvent(e.Sequence, e.Id, tenant, e.Type, e.Subject, e.DataJson, e.OccurredAt));
        }
    }

    private static void EnsureJsonObject(string dataJson)
    {
        try
        {
            using var document = JsonDocument.Parse(dataJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return;
            }
        }
        catch (JsonException)
        {
            // Reported below with the same message as a non-object.
        }

        throw new ArgumentException("Event data must be a JSON object.", nameof(dataJson));
    }
}
