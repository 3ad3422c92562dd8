using InteropHub.Core.Persistence;

namespace InteropHub.Core.Reconciliation;

/// <summary>
/// The matcher's statements for the database at hand: <see cref="MatchingSql"/> or <see cref="PostgreSqlMatchingSql"/>.
/// A chunk is bounded by line keys: <see cref="NextChunk"/> answers the key of the last line of the next chunk after
/// <c>@after0</c>… (starting at <see cref="FirstChunk"/>), a rowid on SQLite, (flow id, line index) on PostgreSQL.
/// </summary>
internal sealed record MatchingStatements(
    IReadOnlyList<object> FirstChunk,
    string NextChunk,
    string DropWorkTables,
    string CreateTenants,
    string InsertTenant,
    string LastAnomalyId,
    string CreateLines,
    string CountLines,
    string UpdateLines,
    string InsertLineAnomalies,
    string InsertPaidTwice,
    string CreateFlows,
    string InsertFlowAnomalies,
    string ReportOptions,
    string CountReported,
    string InsertReportedEvents,
    string InsertPaidNotReported,
    string ResolveSettledAnomalies,
    string CountNewAnomalies,
    string InsertAnomalyEvents,
    string UpdateChunkFlowStatuses,
    string UpdateFlowStatuses)
{
    private static readonly MatchingStatements Sqlite = new(
        [0L], MatchingSql.NextChunk,
        MatchingSql.DropWorkTables, MatchingSql.CreateTenants, MatchingSql.InsertTenant, MatchingSql.LastAnomalyId, MatchingSql.CreateLines,
        MatchingSql.CountLines, MatchingSql.UpdateLines, MatchingSql.InsertLineAnomalies, MatchingSql.InsertPaidTwice, MatchingSql.CreateFlows,
        MatchingSql.InsertFlowAnomalies, MatchingSql.ReportOptions, MatchingSql.CountReported, MatchingSql.InsertReportedEvents,
        MatchingSql.InsertPaidNotReported, MatchingSql.ResolveSettledAnomalies, MatchingSql.CountNewAnomalies, MatchingSql.InsertAnomalyEvents,
        MatchingSql.UpdateChunkFlowStatuses, MatchingSql.UpdateFlowStatuses);

    // No line has a negative index, and no uuid sorts before the nil one.
    private static readonly MatchingStatements PostgreSql = new(
        [Guid.Empty, -1], PostgreSqlMatchingSql.NextChunk,
        PostgreSqlMatchingSql.DropWorkTables, PostgreSqlMatchingSql.CreateTenants, PostgreSqlMatchingSql.InsertTenant, PostgreSqlMatchingSql.LastAnomalyId,
        PostgreSqlMatchingSql.CreateLines, PostgreSqlMatchingSql.CountLines, PostgreSqlMatchingSql.UpdateLines, PostgreSqlMatchingSql.InsertLineAnomalies,
        PostgreSqlMatchingSql.InsertPaidTwice, PostgreSqlMatchingSql.CreateFlows, PostgreSqlMatchingSql.InsertFlowAnomalies, PostgreSqlMatchingSql.ReportOptions,
        PostgreSqlMatchingSql.CountReported, PostgreSqlMatchingSql.InsertReportedEvents, PostgreSqlMatchingSql.InsertPaidNotReported,
        PostgreSqlMatchingSql.ResolveSettledAnomalies, PostgreSqlMatchingSql.CountNewAnomalies, PostgreSqlMatchingSql.InsertAnomalyEvents,
        PostgreSqlMatchingSql.UpdateChunkFlowStatuses, PostgreSqlMatchingSql.UpdateFlowStatuses);

    public static MatchingStatements For(HubDbContext db) => db.IsPostgreSql() ? PostgreSql : Sqlite;
}
