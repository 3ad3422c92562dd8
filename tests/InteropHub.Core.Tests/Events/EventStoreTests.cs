using InteropHub.Contracts.Stores;

namespace InteropHub.Core.Tests.Events;

public class EventStoreTests : HubDatabaseTest
{
    private IEventPublisher Publisher => Db.Get<IEventPublisher>();

    private IEventFeed Feed => Db.Get<IEventFeed>();

    [Fact]
    public async Task A_second_event_with_the_same_deduplication_key_is_refused_and_not_stored()
    {
        Assert.True(await Publisher.PublishAsync(Paid(TestTenants.AId, "pay-1"), Ct));

        Assert.False(await Publisher.PublishAsync(Paid(TestTenants.AId, "pay-1") with { DataJson = """{"amount":2}""" }, Ct));

        var stored = Assert.Single(await Feed.ReadAsync(TestTenants.AId, 0, 10, Ct));
        Assert.Equal("""{"amount":1}""", stored.DataJson);
    }

    [Fact]
    public async Task The_same_deduplication_key_in_another_tenant_is_another_event()
    {
        Assert.True(await Publisher.PublishAsync(Paid(TestTenants.AId, "pay-1"), Ct));
        Assert.True(await Publisher.PublishAsync(Paid(TestTenants.BId, "pay-1"), Ct));
    }

    [Fact]
    public async Task The_feed_returns_only_the_tenant_events_in_the_order_they_were_stored()
    {
        foreach (var (tenant, subject) in new[] { (TestTenants.AId, "a1"), (TestTenants.BId, "b1"), (TestTenants.AId, "a2"), (TestTenants.BId, "b2"), (TestTenants.AId, "a3") })
        {
            await Publisher.PublishAsync(Paid(tenant, subject), Ct);
        }

        var feedA = await Feed.ReadAsync(TestTenants.AId, 0, 10, Ct);
        var feedB = await Feed.ReadAsync(TestTenants.BId, 0, 10, Ct);

        Assert.Equal(["a1", "a2", "a3"], feedA.Select(e => e.Subject));
        Assert.Equal(["b1", "b2"], feedB.Select(e => e.Subject));
        Assert.All(feedA, e => Assert.Equal(TestTenants.AId, e.Tenant));
        Assert.Equal(feedA.Select(e => e.Sequence).Order(), feedA.Select(e => e.Sequence));
        Assert.Equal(feedA.Count, feedA.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_feed_resumes_after_the_cursor_and_honours_the_limit()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Publisher.PublishAsync(Paid(TestTenants.AId, $"a{i}"), Ct);
        }

        var page1 = await Feed.ReadAsync(TestTenants.AId, 0, 2, Ct);
        var page2 = await Feed.ReadAsync(TestTenants.AId, page1[^1].Sequence, 2, Ct);
        var page3 = await Feed.ReadAsync(TestTenants.AId, page2[^1].Sequence, 2, Ct);
        var end = await Feed.ReadAsync(TestTenants.AId, page3[^1].Sequence, 2, Ct);

        Assert.Equal(["a1", "a2", "a3", "a4", "a5"], page1.Concat(page2).Concat(page3).Select(e => e.Subject));
        Assert.Empty(end);
    }

    [Fact]
    public async Task A_stored_event_keeps_its_type_data_and_time()
    {
        await Publisher.PublishAsync(Paid(TestTenants.AId, "pay-1"), Ct);

        var stored = Assert.Single(await Feed.ReadAsync(TestTenants.AId, 0, 1, Ct));

        Assert.Equal("payment.paid", stored.Type);
        Assert.Equal("""{"amount":1}""", stored.DataJson);
        Assert.Equal(HubTestDatabase.Start, stored.OccurredAt);
        Assert.True(Guid.TryParse(stored.Id, out _));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    public async Task Data_that_is_not_a_json_object_is_refused(string data)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Publisher.PublishAsync(Paid(TestTenants.AId, "pay-1") with { DataJson = data }, Ct));
    }

    private static HubEvent Paid(InteropHub.Contracts.Tenancy.TenantId tenant, string subject) =>
        new(tenant, "payment.paid", subject, """{"amount":1}""", $"paid:{subject}");
}
