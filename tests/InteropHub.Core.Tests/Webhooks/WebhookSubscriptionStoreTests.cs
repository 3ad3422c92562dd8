using InteropHub.Core.Webhooks;

namespace InteropHub.Core.Tests.Webhooks;

public class WebhookSubscriptionStoreTests : HubDatabaseTest
{
    private static readonly Uri Endpoint = new("https://gestionale.comune-a.example/hooks/interophub");

    private IWebhookSubscriptionStore Store => Db.Get<IWebhookSubscriptionStore>();

    [Fact]
    public async Task A_created_subscription_is_found_and_listed_for_its_tenant()
    {
        var created = await Store.CreateAsync(TestTenants.AId, Endpoint, ["payment.paid", "registry.signal"], "s3cret", Ct);

        var found = await Store.FindAsync(TestTenants.AId, created.Id, Ct);

        Assert.NotNull(found);
        Assert.Equal(created.Id, found.Id);
        Assert.Equal(Endpoint, found.Url);
        Assert.Equal(["payment.paid", "registry.signal"], found.EventTypes);
        Assert.Equal("s3cret", found.Secret);
        Assert.Equal(HubTestDatabase.Start, found.CreatedAt);
        Assert.Equal([created.Id], (await Store.ListAsync(TestTenants.AId, Ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task Another_tenant_can_neither_find_list_nor_delete_a_subscription()
    {
        var created = await Store.CreateAsync(TestTenants.AId, Endpoint, ["payment.paid"], "s3cret", Ct);

        Assert.Null(await Store.FindAsync(TestTenants.BId, created.Id, Ct));
        Assert.Empty(await Store.ListAsync(TestTenants.BId, Ct));
        Assert.False(await Store.DeleteAsync(TestTenants.BId, created.Id, Ct));
        Assert.NotNull(await Store.FindAsync(TestTenants.AId, created.Id, Ct));
    }

    [Fact]
    public async Task A_deleted_subscription_is_gone()
    {
        var created = await Store.CreateAsync(TestTenants.AId, Endpoint, ["payment.paid"], "s3cret", Ct);

        Assert.True(await Store.DeleteAsync(TestTenants.AId, created.Id, Ct));

        Assert.Null(await Store.FindAsync(TestTenants.AId, created.Id, Ct));
        Assert.False(await Store.DeleteAsync(TestTenants.AId, created.Id, Ct));
    }

    [Fact]
    public async Task A_relative_url_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.CreateAsync(TestTenants.AId, new Uri("/hooks", UriKind.Relative), ["payment.paid"], "s3cret", Ct));
    }
}
