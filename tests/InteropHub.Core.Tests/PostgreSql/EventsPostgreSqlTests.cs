using InteropHub.Core.Persistence;

namespace InteropHub.Core.Tests.PostgreSql;

// The event-order and webhook-lease tests again on PostgreSQL, where ids are assigned at insert but become visible
// at commit, and two instances claim with row locks.

public sealed class EventFeedOrderPostgreSqlTests : Events.EventFeedOrderTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class WebhookLeasePostgreSqlTests : Webhooks.WebhookLeaseTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}
