using InteropHub.Core.Persistence;

namespace InteropHub.Core.Reconciliation;

/// <summary>The matcher's statements for the database at hand: <see cref="MatchingSql"/> or <see cref="PostgreSqlMatchingSql"/>.</summary>
internal sealed record MatchingStatements(
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
    string UpdateFlowStatuses)
{
    private static readonly MatchingStatements Sqlite = new(
        MatchingSql.DropWorkTables, MatchingSql.CreateTenants, MatchingSql.InsertTenant, MatchingSql.LastAnomalyId, MatchingSql.CreateLines,
        MatchingSql.CountLines, MatchingSql.UpdateLines, MatchingSql.InsertLineAnomalies, MatchingSql.InsertPaidTwice, MatchingSql.CreateFlows,
        MatchingSql.InsertFlowAnomalies, MatchingSql.ReportOptions, MatchingSql.CountReported, MatchingSql.InsertReportedEvents,
        MatchingSql.InsertPaidNotReported, MatchingSql.ResolveSettledAnomalies, MatchingSql.CountNewAnomalies, MatchingSql.InsertAnomalyEvents,
        MatchingSql.UpdateFlowStatuses);

    private static readonly MatchingStatements PostgreSql = new(
        PostgreSqlMatchingSql.DropWorkTables, PostgreSqlMatchingSql.CreateTenants, PostgreSqlMatchingSql.InsertTenant, PostgreSqlMatchingSql.LastAnomalyId,
        PostgreSqlMatchingSql.CreateLines, PostgreSqlMatchingSql.CountLines, PostgreSqlMatchingSql.UpdateLines, PostgreSqlMatchingSql.InsertLineAnomalies,
        PostgreSqlMatchingSql.InsertPaidTwice, PostgreSqlMatchingSql.CreateFlows, PostgreSqlMatchingSql.InsertFlowAnomalies, PostgreSqlMatchingSql.ReportOptions,
        PostgreSqlMatchingSql.CountReported, PostgreSqlMatchingSql.InsertReportedEvents, PostgreSqlMatchingSql.InsertPaidNotReported,
        PostgreSqlMatchingSql.ResolveSettledAnomalies, PostgreSqlMatchingSql.CountNewAnomalies, PostgreSqlMatchingSql.InsertAnomalyEvents,
        PostgreSqlMatchingSql.UpdateFlowStatuses);

    public static MatchingStatements For(HubDbContext db) => db.IsPostgreSql() ? PostgreSql : Sqlite;
}
