using System.Text.Json;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Webhooks;

internal sealed class WebhookDeliveryStore : IWebhookDeliveryStore
{
    public const int MaxErrorLength = 256;
    private const int EventsPerRound = 500;

    private readonly IDbContextFactory<HubDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly WebhookDeliveryOptions _options;
    private readonly Func<double> _jitter;

    public WebhookDeliveryStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time, IOptions<WebhookDeliveryOptions> options)
        : this(dbFactory, time, options.Value, Random.Shared.NextDouble)
    {
    }

    internal WebhookDeliveryStore(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time, WebhookDeliveryOptions options, Func<double> jitter)
    {
        _dbFactory = dbFactory;
        _time = time;
        _options = options;
        _jitter = jitter;
    }

    public async Task<int> EnqueueAsync(CancellationToken cancellationToken)
    {
        var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var latest = await db.Events.MaxAsync(e => (long?)e.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
            var behind = await db.WebhookSubscriptions.AsNoTracking()
                .Where(s => s.EnqueuedThrough < latest)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var created = 0;
            foreach (var subscription in behind)
            {
                created += await EnqueueAsync(db, subscription, latest, cancellationToken).ConfigureAwait(false);
            }

            return created;
        }
    }

    private async Task<int> EnqueueAsync(HubDbContext db, WebhookSubscriptionRow subscription, long latest, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Tenant == subscription.Tenant && e.Sequence > subscription.EnqueuedThrough)
            .OrderBy(e => e.Sequence)
            .Take(EventsPerRound)
            .Select(e => new { e.Sequence, e.Id, e.Type, e.Subject })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        // Events are numbered and committed under the write lock (SQLite's, or PostgreSQL's by trigger), so every event up to `latest` is visible now:
        // a short page means this tenant has nothing more up to there, and the cursor may skip other tenants' events.
        var through = events.Count == EventsPerRound ? events[^1].Sequence : Math.Max(latest, events.Count > 0 ? events[^1].Sequence : 0);
        var types = JsonSerializer.Deserialize<List<string>>(subscription.EventTypesJson) ?? [];
        var now = StoredInstant.Now(_time);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var moved = await db.WebhookSubscriptions
                .Where(s => s.Id == subscription.Id && s.EnqueuedThrough == subscription.EnqueuedThrough)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EnqueuedThrough, through), cancellationToken)
                .ConfigureAwait(false);
            if (moved == 0)
            {
                // Another worker advanced it, or the subscription was deleted meanwhile.
                return 0;
            }

            var matching = events.Where(e => types.Any(filter => EventTypes.Matches(filter, e.Type))).ToList();
            db.WebhookDeliveries.AddRange(matching.Select(e => new WebhookDeliveryRow
            {
                SubscriptionId = subscription.Id,
                Tenant = subscription.Tenant,
                EventSequence = e.Sequence,
                EventId = e.Id,
                EventType = e.Type,
                Subject = e.Subject,
                Status = WebhookDeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            }));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return matching.Count;
        }
    }

    public async Task<IReadOnlyList<WebhookDispatch>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var now = StoredInstant.Now(_time);
        var token = Guid.NewGuid();
        var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.ExecuteSqlRawAsync(
                    ClaimSql(db), [now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds(), token, max], cancellationToken)
                .ConfigureAwait(false);
            var rows = await (
                    from d in db.WebhookDeliveries.AsNoTracking()
                    where d.LeaseToken == token
                    join s in db.WebhookSubscriptions.AsNoTracking() on d.SubscriptionId equals s.Id
                    join e in db.Events.AsNoTracking() on d.EventSequence equals e.Sequence
                    orderby d.NextAttemptAt, d.Id
                    select new { d.Id, d.SubscriptionId, s.Url, s.Secret, Event = e })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return rows.ConvertAll(r => new WebhookDispatch(
                r.Id,
                token,
                r.SubscriptionId,
                new Uri(r.Url, UriKind.Absolute),
                r.Secret,
                new StoredEvent(r.Event.Sequence, r.Event.Id, TenantId.Parse(r.Event.Tenant), r.Event.Type, r.Event.Subject, r.Event.DataJson, r.Event.OccurredAt)));
        }
    }

    /// <summary>
    /// The claim is one statement, so each due delivery goes to one claimer however many instances run: SQLite runs it
    /// under its write lock; on PostgreSQL the rows it picks are locked, and rows another claimer holds are skipped.
    /// A new token marks this claim's rows; the lease makes them claimable again if the claimer dies.
    /// </summary>
    private static string ClaimSql(HubDbContext db) => $$"""
        UPDATE "WebhookDeliveries" SET "LeaseUntil" = {1}, "LeaseToken" = {2}, "FirstAttemptAt" = COALESCE("FirstAttemptAt", {0})
        WHERE "Id" IN (
            SELECT d."Id" FROM "WebhookDeliveries" d
            WHERE d."Status" = 'Pending' AND d."NextAttemptAt" <= {0} AND (d."LeaseUntil" IS NULL OR d."LeaseUntil" <= {0})
              AND NOT EXISTS (
                  SELECT 1 FROM "WebhookDeliveries" p
                  WHERE p."SubscriptionId" = d."SubscriptionId" AND p."Subject" = d."Subject" AND p."Status" = 'Pending'
                    AND p."EventSequence" < d."EventSequence")
            ORDER BY d."NextAttemptAt", d."Id"
            LIMIT {3}
            {{(db.IsPostgreSql() ? "FOR UPDATE SKIP LOCKED" : "")}})
        """;

    public async Task RecordDeliveredAsync(WebhookDispatch dispatch, int statusCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var now = StoredInstant.Now(_time);
        var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Not fenced by the lease: the receiver has the event, whichever claim sent it; a later holder's outcome is then ignored.
            await db.WebhookDeliveries
                .Where(d => d.Id == dispatch.DeliveryId && d.Status == WebhookDeliveryStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Delivered)
                        .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                        .SetProperty(d => d.LastAttemptAt, now)
                        .SetProperty(d => d.LastStatusCode, statusCode)
                        .SetProperty(d => d.LastError, (string?)null)
                        .SetProperty(d => d.DeliveredAt, now)
                        .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(d => d.LeaseToken, (Guid?)null),
                    cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<WebhookDelivery?> RecordFailedAsync(WebhookDispatch dispatch, int? statusCode, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(error);
        var now = StoredInstant.Now(_time);
        var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.WebhookDeliveries.AsNoTracking()
                .SingleOrDefaultAsync(d => d.Id == dispatch.DeliveryId && d.Status == WebhookDeliveryStatus.Pending && d.LeaseToken == dispatch.Lease, cancellationToken)
                .ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var first = row.FirstAttemptAt ?? now;
            row.FirstAttemptAt = first;
            row.Attempts++;
            row.LastAttemptAt = now;
            row.LastStatusCode = statusCode;
            row.LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
            row.LeaseUntil = null;
            row.LeaseToken = null;
            var windowEnd = first + _options.RetryWindow;
            if (now >= windowEnd)
            {
                row.Status = WebhookDeliveryStatus.Dead;
                row.DeadAt = now;
            }
            else
            {
                var next = now + WebhookBackoff.Delay(row.Attempts, _options, _jitter());
                row.NextAttemptAt = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(next.ToUnixTimeMilliseconds(), windowEnd.ToUnixTimeMilliseconds()));
            }

            // Fenced by the lease: a claimer whose lease lapsed must not release (or reschedule) the attempt a newer claim is making.
            var updated = await db.WebhookDeliveries
                .Where(d => d.Id == row.Id && d.Status == WebhookDeliveryStatus.Pending && d.LeaseToken == dispatch.Lease)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, row.Status)
                        .SetProperty(d => d.Attempts, row.Attempts)
                        .SetProperty(d => d.FirstAttemptAt, row.FirstAttemptAt)
                        .SetProperty(d => d.LastAttemptAt, row.LastAttemptAt)
                        .SetProperty(d => d.LastStatusCode, row.LastStatusCode)
                        .SetProperty(d => d.LastError, row.LastError)
                        .SetProperty(d => d.NextAttemptAt, row.NextAttemptAt)
                        .SetProperty(d => d.DeadAt, row.DeadAt)
                        .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(d => d.LeaseToken, (Guid?)null),
                    cancellationToken)
                .ConfigureAwait(false);
            return updated == 1 ? ToDelivery(row) : null;
        }
    }

    public async Task<IReadOnlyList<WebhookDelivery>?> ListAsync(
        TenantId tenant, Guid subscriptionId, WebhookDeliveryStatus? status, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = await _dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var exists = await db.WebhookSubscriptions.AnyAsync(s => s.Id == subscriptionId && s.Tenant == tenant.Value, cancellationToken).ConfigureAwait(false);
            if (!exists)
            {
                return null;
            }

            var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId && d.Id > after);
            if (status is { } wanted)
            {
                query = query.Where(d => d.Status == wanted);
            }

            var rows = await query.OrderBy(d => d.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(ToDelivery);
        }
    }

    private static WebhookDelivery ToDelivery(WebhookDeliveryRow row) => new(
        row.Id,
        row.SubscriptionId,
        row.EventSequence,
        row.EventId,
        row.EventType,
        row.Subject,
        row.Status,
        row.Attempts,
        row.CreatedAt,
        row.FirstAttemptAt,
        row.LastAttemptAt,
        row.LastStatusCode,
        row.LastError,
        row.Status == WebhookDeliveryStatus.Pending ? row.NextAttemptAt : null,
        row.DeliveredAt,
        row.DeadAt);
}
