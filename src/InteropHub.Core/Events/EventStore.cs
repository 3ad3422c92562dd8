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
            // ON CONFLICT rather than catching the unique violation: a duplicate is normal here, not an error to log.
            var id = Guid.CreateVersion7(now).ToString();
            var tenant = hubEvent.Tenant.Value;
            var occurredAt = now.ToUnixTimeMilliseconds();
            var inserted = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "Events" ("Id", "Tenant", "Type", "Subject", "DataJson", "DeduplicationKey", "OccurredAt")
                VALUES ({id}, {tenant}, {hubEvent.Type}, {hubEvent.Subject}, {hubEvent.DataJson}, {hubEvent.DeduplicationKey}, {occurredAt})
                ON CONFLICT DO NOTHING
                """,
                cancellationToken).ConfigureAwait(false);
            return inserted == 1;
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
