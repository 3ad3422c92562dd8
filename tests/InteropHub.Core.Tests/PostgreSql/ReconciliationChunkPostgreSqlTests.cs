using InteropHub.Core.Persistence;

namespace InteropHub.Core.Tests.PostgreSql;

// The chunked matching pass on PostgreSQL, and the matcher's rules again with a transaction per line.

public sealed class ReconciliationChunkPostgreSqlTests : Reconciliation.ReconciliationChunkTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class ReconciliationMatcherOneLineChunksPostgreSqlTests : Reconciliation.ReconciliationMatcherTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hub:Reconciliation:LinesPerTransaction"] = "1" };
}
