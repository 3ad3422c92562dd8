using InteropHub.Core.Persistence;

namespace InteropHub.Core.Tests.PostgreSql;

// The event-order tests again on PostgreSQL, where ids are assigned at insert but become visible at commit.

public sealed class EventFeedOrderPostgreSqlTests : Events.EventFeedOrderTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}
