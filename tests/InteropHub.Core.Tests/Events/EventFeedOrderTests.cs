using System.Globalization;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Events;
using InteropHub.Core.Persistence;
using InteropHub.Core.Webhooks;
using Microsoft.EntityFrameworkCore.Storage;

namespace InteropHub.Core.Tests.Events;

/// <summary>
/// Many writers, some holding their transaction open after the insert, while a consumer polls after its cursor: the
/// consumer must see every committed event exactly once, whatever order the writers commit in.
/// </summary>
public class EventFeedOrderTests : HubDatabaseTest
{
    private const int Writers = 6;
    private const int EventsPerWriter = 6;
    private const int PageSize = 40;

    private int _polls;

    [Fact]
    public async Task A_reader_polling_after_its_cursor_sees_every_event_of_concurrent_writers_exactly_once()
    {
        var feed = Db.Get<IEventFeed>();
        var read = new List<StoredEvent>();
        async Task<int> ReadNextAsync()
        {
            var page = await feed.ReadAsync(TestTenants.AId, read.Count == 0 ? 0 : read[^1].Sequence, PageSize, Ct);
            read.AddRange(page);
            return page.Count;
        }

        var published = await RunWritersAsync(async () => await ReadNextAsync());
        while (await ReadNextAsync() > 0)
        {
        }

        Assert.Equal(published.Order(StringComparer.Ordinal), read.Select(e => e.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(read.Select(e => e.Sequence).Order(), read.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_webhook_enqueue_round_while_an_earlier_insert_is_uncommitted_does_not_pass_over_it()
    {
        var subscription = await Db.Get<IWebhookSubscriptionStore>()
            .CreateAsync(TestTenants.AId, new Uri("https://gestionale.comune-a.example/hooks"), ["*"], "s3cret-s3cret-s3cret", Ct);
        var deliveries = Db.Get<IWebhookDeliveryStore>();
        await using var db = Db.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Events.Add(Row("first"));
        await db.SaveChangesAsync(Ct);

        var publisher = Db.Get<IEventPublisher>();
        var second = Task.Run(() => publisher.PublishAsync(new HubEvent(TestTenants.AId, EventTypes.PaymentPaid, "second", "{}", "second"), Ct), Ct);
        if (Db.Provider == HubDatabaseProvider.PostgreSql)
        {
            // The later insert either committed (and may be seen first) or waits for the earlier one's lock.
            await WaitUntilAsync(async () => second.IsCompleted || await LockWaitersAsync() > 0);
        }

        await deliveries.EnqueueAsync(Ct);
        await transaction.CommitAsync(Ct);
        Assert.True(await second);
        while (await deliveries.EnqueueAsync(Ct) > 0)
        {
        }

        var listed = await deliveries.ListAsync(TestTenants.AId, subscription.Id, null, 0, 10, Ct);
        Assert.Equal(["first", "second"], listed!.Select(d => d.Subject).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Runs the writers while <paramref name="poll"/> runs in a loop; returns the subjects of the events they committed.
    /// A third of the writers publish one event per statement, a third insert as the stores do (in the hub's write
    /// transaction), a third in a plain transaction; the last two keep theirs open for two more polls after the insert.
    /// </summary>
    private async Task<List<string>> RunWritersAsync(Func<Task> poll)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writers = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w, failed.Token), failed.Token)));
        try
        {
            while (!writers.IsCompleted)
            {
                await poll();
                Interlocked.Increment(ref _polls);
            }
        }
        catch
        {
            // Writers waiting for polls that will never come must not hang the test.
            await failed.CancelAsync();
            throw;
        }

        return [.. (await writers).SelectMany(ids => ids)];
    }

    private async Task<List<string>> WriteAsync(int writer, CancellationToken cancellationToken)
    {
        var publisher = Db.Get<IEventPublisher>();
        var subjects = new List<string>(EventsPerWriter);
        for (var i = 0; i < EventsPerWriter; i++)
        {
            var key = $"writer-{writer}-{i}";
            switch (writer % 3)
            {
                case 0:
                    Assert.True(await publisher.PublishAsync(new HubEvent(TestTenants.AId, EventTypes.PaymentPaid, key, "{}", key), cancellationToken));
                    break;
                case 1:
                    await InsertHeldOpenAsync(key, (db, ct) => db.BeginWriteAsync(ct), cancellationToken);
                    break;
                default:
                    await InsertHeldOpenAsync(key, (db, ct) => db.Database.BeginTransactionAsync(ct), cancellationToken);
                    break;
            }

            subjects.Add(key);
        }

        return subjects;
    }

    private async Task InsertHeldOpenAsync(
        string key, Func<HubDbContext, CancellationToken, Task<IDbContextTransaction>> begin, CancellationToken cancellationToken)
    {
        await using var db = Db.CreateDbContext();
        await using var transaction = await begin(db, cancellationToken);
        db.Events.Add(Row(key));
        await db.SaveChangesAsync(cancellationToken);
        var until = Volatile.Read(ref _polls) + 2;
        while (Volatile.Read(ref _polls) < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static EventRow Row(string key) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Tenant = TestTenants.AId.Value,
        Type = EventTypes.PaymentPaid,
        Subject = key,
        DataJson = "{}",
        DeduplicationKey = key,
        OccurredAt = HubTestDatabase.Start,
    };

    private async Task<long> LockWaitersAsync() =>
        Convert.ToInt64(await Db.ScalarAsync("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"), CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), limit.Token);
        }
    }
}
