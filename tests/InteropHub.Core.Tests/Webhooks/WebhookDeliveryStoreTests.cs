using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using InteropHub.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Tests.Webhooks;

public class WebhookDeliveryStoreTests : HubDatabaseTest
{
    private static readonly Uri Endpoint = new("https://gestionale.comune-a.example/hooks");
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly WebhookDeliveryOptions Options = new();

    private IWebhookSubscriptionStore Subscriptions => Db.Get<IWebhookSubscriptionStore>();

    private IEventPublisher Publisher => Db.Get<IEventPublisher>();

    // Jitter at the middle of its range: the exact exponential schedule.
    private WebhookDeliveryStore NewStore(double jitter = 0.5) =>
        new(Db.Get<IDbContextFactory<HubDbContext>>(), Db.Time, Options, () => jitter);

    [Fact]
    public async Task Only_matching_events_of_the_tenant_stored_after_the_subscription_become_deliveries()
    {
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/before");
        var subscription = await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["payment.*"], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/after");
        await Publish(TestTenants.AId, EventTypes.RegistrySignal, "signals/1");
        await Publish(TestTenants.BId, EventTypes.PaymentPaid, "payments/other-tenant");
        var store = NewStore();

        Assert.Equal(1, await store.EnqueueAsync(Ct));
        Assert.Equal(0, await store.EnqueueAsync(Ct));

        var deliveries = await store.ListAsync(TestTenants.AId, subscription.Id, null, 0, 100, Ct);
        var only = Assert.Single(deliveries!);
        Assert.Equal("payments/after", only.Subject);
        Assert.Equal(WebhookDeliveryStatus.Pending, only.Status);
        Assert.Equal(HubTestDatabase.Start, only.NextAttemptAt);
    }

    [Fact]
    public async Task A_claim_carries_the_stored_event_url_and_secret()
    {
        var subscription = await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, [EventTypes.PaymentPaid], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/1", """{"amount":1500}""");
        var store = NewStore();
        await store.EnqueueAsync(Ct);

        var dispatch = Assert.Single(await store.ClaimDueAsync(10, Lease, Ct));

        Assert.Equal(subscription.Id, dispatch.SubscriptionId);
        Assert.Equal(Endpoint, dispatch.Url);
        Assert.Equal("s3cret-s3cret-s3cret", dispatch.Secret);
        var stored = Assert.Single(await Db.Get<IEventFeed>().ReadAsync(TestTenants.AId, 0, 10, Ct));
        Assert.Equal(stored, dispatch.Event);
        Assert.DoesNotContain("s3cret", dispatch.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_are_retried_after_doubling_delays_capped_at_the_maximum()
    {
        await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/1");
        var store = NewStore();
        await store.EnqueueAsync(Ct);

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 11; i++)
        {
            var dispatch = Assert.Single(await store.ClaimDueAsync(10, Lease, Ct));
            var failed = await store.RecordFailedAsync(dispatch, 503, "HTTP 503", Ct);
            var next = failed!.NextAttemptAt!.Value;
            delays.Add(next - Db.Time.GetUtcNow());
            Assert.Empty(await store.ClaimDueAsync(10, Lease, Ct));
            Db.Time.SetUtcNow(next);
        }

        Assert.Equal(
            [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600],
            delays.Select(d => d.TotalSeconds));
    }

    [Theory]
    [InlineData(1, 0.0, 8)]
    [InlineData(1, 0.999, 11.996)]
    [InlineData(3, 0.0, 32)]
    [InlineData(20, 0.999, 3600)]
    [InlineData(20, 0.0, 2880)]
    public void The_backoff_spreads_by_twenty_percent_and_never_exceeds_the_cap(int failures, double sample, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, WebhookBackoff.Delay(failures, Options, sample).TotalSeconds, precision: 3);
    }

    [Fact]
    public async Task A_delivery_failing_for_the_whole_window_is_dead_lettered_at_its_end()
    {
        var subscription = await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/1");
        var store = NewStore();
        await store.EnqueueAsync(Ct);
        var first = Db.Time.GetUtcNow();

        WebhookDelivery? last = null;
        var attempts = 0;
        while (last?.Status != WebhookDeliveryStatus.Dead)
        {
            var dispatch = Assert.Single(await store.ClaimDueAsync(10, Lease, Ct));
            last = await store.RecordFailedAsync(dispatch, null, "connection refused", Ct);
            attempts++;
            if (last!.NextAttemptAt is { } next)
            {
                Assert.True(next <= first + Options.RetryWindow);
                Db.Time.SetUtcNow(next);
            }
        }

        Assert.Equal(first + Options.RetryWindow, last.DeadAt);
        Assert.Equal(first, last.FirstAttemptAt);
        Assert.Equal(attempts, last.Attempts);
        Assert.Equal(33, attempts);
        Assert.Empty(await store.ClaimDueAsync(10, Lease, Ct));
        var dead = await store.ListAsync(TestTenants.AId, subscription.Id, WebhookDeliveryStatus.Dead, 0, 10, Ct);
        Assert.Equal("connection refused", Assert.Single(dead!).LastError);
        Assert.Empty((await store.ListAsync(TestTenants.AId, subscription.Id, WebhookDeliveryStatus.Pending, 0, 10, Ct))!);
    }

    [Fact]
    public async Task A_later_event_of_a_subject_waits_while_an_earlier_one_is_pending_and_other_subjects_do_not()
    {
        await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentCreated, "payments/1");
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/1");
        await Publish(TestTenants.AId, EventTypes.PaymentCreated, "payments/2");
        var store = NewStore();
        await store.EnqueueAsync(Ct);

        var firstRound = await store.ClaimDueAsync(10, Lease, Ct);
        Assert.Equal(
            [(EventTypes.PaymentCreated, "payments/1"), (EventTypes.PaymentCreated, "payments/2")],
            firstRound.Select(d => (d.Event.Type, d.Event.Subject)));
        await store.RecordDeliveredAsync(firstRound[1], 200, Ct);
        await store.RecordFailedAsync(firstRound[0], 500, "HTTP 500", Ct);

        // The retry is due later; payment.paid of payments/1 stays behind it even though it is due now.
        Assert.Empty(await store.ClaimDueAsync(10, Lease, Ct));
        Db.Time.Advance(Options.InitialRetryDelay);
        var retry = Assert.Single(await store.ClaimDueAsync(10, Lease, Ct));
        Assert.Equal(firstRound[0].DeliveryId, retry.DeliveryId);
        await store.RecordDeliveredAsync(retry, 204, Ct);

        var paid = Assert.Single(await store.ClaimDueAsync(10, Lease, Ct));
        Assert.Equal(EventTypes.PaymentPaid, paid.Event.Type);
    }

    [Fact]
    public async Task A_claimed_delivery_is_not_claimed_again_until_its_lease_lapses_as_after_a_crash()
    {
        var subscription = await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/1");
        await NewStore().EnqueueAsync(Ct);
        var claimed = Assert.Single(await NewStore().ClaimDueAsync(10, Lease, Ct));

        // A second worker (or the restarted process) sees nothing while the attempt may still be in flight.
        Assert.Empty(await NewStore().ClaimDueAsync(10, Lease, Ct));
        Db.Time.Advance(Lease);
        var again = Assert.Single(await NewStore().ClaimDueAsync(10, Lease, Ct));

        Assert.Equal(claimed.DeliveryId, again.DeliveryId);
        var pending = Assert.Single((await NewStore().ListAsync(TestTenants.AId, subscription.Id, null, 0, 10, Ct))!);
        Assert.Equal(0, pending.Attempts);
        Assert.Equal(HubTestDatabase.Start, pending.FirstAttemptAt);
    }

    [Fact]
    public async Task Enqueuing_after_a_restart_continues_from_the_stored_cursor_without_duplicates()
    {
        var subscription = await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/1");
        Assert.Equal(1, await NewStore().EnqueueAsync(Ct));
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/2");

        Assert.Equal(1, await NewStore().EnqueueAsync(Ct));
        Assert.Equal(0, await NewStore().EnqueueAsync(Ct));

        var all = await NewStore().ListAsync(TestTenants.AId, subscription.Id, null, 0, 10, Ct);
        Assert.Equal(["payments/1", "payments/2"], all!.Select(d => d.Subject));
    }

    [Fact]
    public async Task A_delivered_delivery_records_its_status_and_is_not_attempted_again()
    {
        var subscription = await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/1");
        var store = NewStore();
        await store.EnqueueAsync(Ct);
        var dispatch = Assert.Single(await store.ClaimDueAsync(10, Lease, Ct));

        await store.RecordDeliveredAsync(dispatch, 202, Ct);

        Db.Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await store.ClaimDueAsync(10, Lease, Ct));
        var delivered = Assert.Single((await store.ListAsync(TestTenants.AId, subscription.Id, WebhookDeliveryStatus.Delivered, 0, 10, Ct))!);
        Assert.Equal((1, 202, HubTestDatabase.Start), (delivered.Attempts, delivered.LastStatusCode, delivered.DeliveredAt!.Value));
        Assert.Null(delivered.NextAttemptAt);
    }

    [Fact]
    public async Task A_deleted_subscription_has_nothing_more_to_deliver()
    {
        var subscription = await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/1");
        var store = NewStore();
        await store.EnqueueAsync(Ct);

        await Subscriptions.DeleteAsync(TestTenants.AId, subscription.Id, Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/2");

        Assert.Equal(0, await store.EnqueueAsync(Ct));
        Assert.Empty(await store.ClaimDueAsync(10, Lease, Ct));
        Assert.Equal(0L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "WebhookDeliveries" """));
    }

    [Fact]
    public async Task Deliveries_are_listed_only_to_the_subscriptions_tenant_page_by_page()
    {
        var subscription = await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        for (var i = 0; i < 3; i++)
        {
            await Publish(TestTenants.AId, EventTypes.PaymentPaid, $"payments/{i}");
        }

        var store = NewStore();
        await store.EnqueueAsync(Ct);

        Assert.Null(await store.ListAsync(TestTenants.BId, subscription.Id, null, 0, 10, Ct));
        var page = await store.ListAsync(TestTenants.AId, subscription.Id, null, 0, 2, Ct);
        Assert.Equal(["payments/0", "payments/1"], page!.Select(d => d.Subject));
        var rest = await store.ListAsync(TestTenants.AId, subscription.Id, null, page![^1].Id, 2, Ct);
        Assert.Equal(["payments/2"], rest!.Select(d => d.Subject));
    }

    [Fact]
    public async Task The_stored_error_is_cut_to_256_characters()
    {
        await Subscriptions.CreateAsync(TestTenants.AId, Endpoint, ["*"], "s3cret-s3cret-s3cret", Ct);
        await Publish(TestTenants.AId, EventTypes.PaymentPaid, "payments/1");
        var store = NewStore();
        await store.EnqueueAsync(Ct);
        var dispatch = Assert.Single(await store.ClaimDueAsync(10, Lease, Ct));

        var failed = await store.RecordFailedAsync(dispatch, 500, new string('x', 5000), Ct);

        Assert.Equal(256, failed!.LastError!.Length);
    }

    private async Task Publish(TenantId tenant, string type, string subject, string data = "{}") =>
        Assert.True(await Publisher.PublishAsync(new HubEvent(tenant, type, subject, data, Guid.NewGuid().ToString()), Ct));
}
