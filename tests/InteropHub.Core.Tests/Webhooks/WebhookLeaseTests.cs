using System.Collections.Concurrent;
using InteropHub.Contracts.Stores;
using InteropHub.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.Core.Tests.Webhooks;

/// <summary>Two hub instances on one database: each delivery attempt is made by one instance, and a dead one's claims pass to the other.</summary>
public class WebhookLeaseTests : HubDatabaseTest
{
    private static readonly Uri Endpoint = new("https://gestionale.comune-a.example/hooks");
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Parallel_claims_from_two_instances_share_the_due_deliveries_without_overlap_and_leave_none_behind()
    {
        await using var other = OtherInstance();
        await SubscribeAndPublishAsync(40);
        var stores = new[] { Db.Get<IWebhookDeliveryStore>(), other.GetRequiredService<IWebhookDeliveryStore>() };
        await stores[0].EnqueueAsync(Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => stores[i % 2].ClaimDueAsync(5, Lease, Ct), Ct)));

        var claimed = claims.SelectMany(c => c).Select(d => d.DeliveryId).ToList();
        Assert.Equal(40, claimed.Count);
        Assert.Equal(40, claimed.Distinct().Count());
    }

    [Fact]
    public async Task Two_instances_delivering_at_once_post_each_event_once()
    {
        await using var other = OtherInstance();
        var subjects = await SubscribeAndPublishAsync(30);
        var posts = new ConcurrentBag<string>();
        var stores = new[] { Db.Get<IWebhookDeliveryStore>(), other.GetRequiredService<IWebhookDeliveryStore>() };

        // Each instance runs its delivery rounds (enqueue, claim, post, record) until a round finds nothing.
        await Task.WhenAll(stores.Select(store => Task.Run(
            async () =>
            {
                while (true)
                {
                    await store.EnqueueAsync(Ct);
                    var due = await store.ClaimDueAsync(4, Lease, Ct);
                    if (due.Count == 0 && await PendingAsync() == 0)
                    {
                        return;
                    }

                    foreach (var dispatch in due)
                    {
                        posts.Add(dispatch.Event.Subject);
                        await store.RecordDeliveredAsync(dispatch, 200, Ct);
                    }
                }
            },
            Ct)));

        Assert.Equal(subjects.Order(StringComparer.Ordinal), posts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_claim_of_an_instance_that_died_is_taken_over_by_the_other_once_its_lease_lapses()
    {
        await using var other = OtherInstance();
        await SubscribeAndPublishAsync(3);
        var dead = Db.Get<IWebhookDeliveryStore>();
        var alive = other.GetRequiredService<IWebhookDeliveryStore>();
        await dead.EnqueueAsync(Ct);
        var lost = await dead.ClaimDueAsync(10, Lease, Ct);
        Assert.Equal(3, lost.Count);

        Assert.Empty(await alive.ClaimDueAsync(10, Lease, Ct));
        Db.Time.Advance(Lease);
        var taken = await alive.ClaimDueAsync(10, Lease, Ct);

        Assert.Equal(lost.Select(d => d.DeliveryId), taken.Select(d => d.DeliveryId));
    }

    [Fact]
    public async Task A_failure_recorded_after_the_lease_lapsed_does_not_release_the_attempt_another_instance_now_holds()
    {
        await using var other = OtherInstance();
        await SubscribeAndPublishAsync(1);
        var slow = Db.Get<IWebhookDeliveryStore>();
        var next = other.GetRequiredService<IWebhookDeliveryStore>();
        await slow.EnqueueAsync(Ct);
        var stale = Assert.Single(await slow.ClaimDueAsync(10, Lease, Ct));
        Db.Time.Advance(Lease);
        var current = Assert.Single(await next.ClaimDueAsync(10, Lease, Ct));

        Assert.Null(await slow.RecordFailedAsync(stale, 503, "HTTP 503", Ct));

        // Past the first retry delay but within the new claim's lease: the attempt is still held.
        Db.Time.Advance(Lease / 2);
        Assert.Empty(await slow.ClaimDueAsync(10, Lease, Ct));
        var failed = await next.RecordFailedAsync(current, 500, "HTTP 500", Ct);
        Assert.Equal((1, 500), (failed!.Attempts, failed.LastStatusCode));
    }

    private async Task<List<string>> SubscribeAndPublishAsync(int events)
    {
        await Db.Get<IWebhookSubscriptionStore>().CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        var subjects = Enumerable.Range(0, events).Select(i => $"payments/{i}").ToList();
        foreach (var subject in subjects)
        {
            Assert.True(await Db.Get<IEventPublisher>().PublishAsync(new HubEvent(TestTenants.AId, EventTypes.PaymentPaid, subject, "{}", subject), Ct));
        }

        return subjects;
    }

    private async Task<int> PendingAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Pending, Ct);
    }

    /// <summary>A second hub, as far as Core goes: its own services and connection pool on the same database and clock.</summary>
    private ServiceProvider OtherInstance()
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Db.DatabaseConfiguration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Audit:Key:File"] = Db.AuditKeyPath })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Db.Time);
        services.AddHubCore(configuration, Db.ContentRoot, TestTenants.Both);
        return services.BuildServiceProvider();
    }
}
