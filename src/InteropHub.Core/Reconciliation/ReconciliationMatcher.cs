using System.Data.Common;
using System.Globalization;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Reconciliation;

/// <summary>
/// The matcher as a handful of set-based statements, so a million lines cost a few joins on indexes rather than a million
/// round trips (see BENCHMARKS.md). The rules are in <see cref="MatchingSql"/>. Lines are decided in chunks of
/// <see cref="ReconciliationOptions.LinesPerTransaction"/>, one write transaction each, so other writers wait for a chunk
/// rather than the whole pass; the flows' header checks, paid-not-reported and the settled anomalies follow in a last one.
/// Every chunk is complete in itself (lines, notices, payments, anomalies and their events), so a pass that dies between
/// two leaves whole chunks, and the next pass, which looks at every line not yet matched, finishes the work.
/// </summary>
internal sealed class ReconciliationMatcher(IDbContextFactory<HubDbContext> dbFactory, ITenantDirectory tenants, IOptions<ReconciliationOptions> options)
    : IReconciliationMatcher
{
    // SQLite's busy handler retries a waiting writer every 100 ms once it has waited a while, and takes no turns: without
    // a pause that long after each commit the pass would take the lock back before a waiting writer noticed it was free
    // (a shorter pause, in step with the chunk's duration, let writers through only sometimes). PostgreSQL queues waiters.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public async Task<ReconciliationRun> MatchAsync(TenantId? tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (db.IsPostgreSql())
            {
                // PostgreSQL sizes its caches server-wide; there is no per-connection setting to raise for the pass.
                return await RunAsync(db, tenant, now, cancellationToken).ConfigureAwait(false);
            }

            var tuning = await PassTuning.ApplyAsync(db.Database.GetDbConnection(), cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunAsync(db, tenant, now, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await tuning.RestoreAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<ReconciliationRun> RunAsync(HubDbContext db, TenantId? tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = MatchingStatements.For(db);
        var settings = options.Value;
        var shared = new PassParameters(tenant, now, settings.PaidNotReportedAfter, settings.LinesPerTransaction);
        var total = new ReconciliationRun(0, 0, 0, 0);
        var after = sql.FirstChunk;
        while (true)
        {
            var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var pass = new Pass(transaction.GetDbTransaction(), shared, cancellationToken) { After = after };
                await pass.ExecuteAsync(sql.DropWorkTables).ConfigureAwait(false);
                var upto = await pass.RowAsync(sql.NextChunk).ConfigureAwait(false);
                if (upto is null)
                {
                    total = Add(total, await FinishAsync(pass, sql).ConfigureAwait(false));
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return total;
                }

                pass.Upto = upto;
                total = Add(total, await DecideLinesAsync(pass, sql).ConfigureAwait(false));
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                after = upto;
                if (!db.IsPostgreSql())
                {
                    await Task.Delay(Pause, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>One chunk: its lines decided, their anomalies raised, the payments they complete reported, with events.</summary>
    private static async Task<ReconciliationRun> DecideLinesAsync(Pass pass, MatchingStatements sql)
    {
        pass.Before = await pass.ScalarAsync(sql.LastAnomalyId).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.CreateLines).ConfigureAwait(false);
        var (examined, matched) = await pass.PairAsync(sql.CountLines).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.UpdateLines).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.InsertLineAnomalies).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.InsertPaidTwice).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.ReportOptions).ConfigureAwait(false);
        var reported = await pass.ScalarAsync(sql.CountReported).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.InsertReportedEvents).ConfigureAwait(false);
        var raised = await pass.ScalarAsync(sql.CountNewAnomalies).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.InsertAnomalyEvents).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.UpdateChunkFlowStatuses).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.DropWorkTables).ConfigureAwait(false);
        return new ReconciliationRun(checked((int)examined), checked((int)matched), checked((int)raised), checked((int)reported));
    }

    /// <summary>
    /// After the lines: header checks of new flows, paid-not-reported, the anomalies the data no longer supports, and the
    /// status of every flow these change (an anomalous flow is looked at again, so one a dead pass left stale is set right).
    /// </summary>
    private async Task<ReconciliationRun> FinishAsync(Pass pass, MatchingStatements sql)
    {
        await pass.ExecuteAsync(sql.CreateTenants).ConfigureAwait(false);
        foreach (var settings in tenants.All.Where(t => t.FiscalCode.Length > 0 && (pass.Shared.Tenant is null || t.Id == pass.Shared.Tenant.Value.Value)))
        {
            await pass.ExecuteAsync(sql.InsertTenant, ("@t", settings.Id), ("@fc", settings.FiscalCode)).ConfigureAwait(false);
        }

        pass.Before = await pass.ScalarAsync(sql.LastAnomalyId).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.CreateFlows).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.InsertFlowAnomalies).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.InsertPaidNotReported).ConfigureAwait(false);
        var resolved = await pass.ExecuteAsync(sql.ResolveSettledAnomalies).ConfigureAwait(false);
        var raised = await pass.ScalarAsync(sql.CountNewAnomalies).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.InsertAnomalyEvents).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.UpdateFlowStatuses).ConfigureAwait(false);
        await pass.ExecuteAsync(sql.DropWorkTables).ConfigureAwait(false);
        return new ReconciliationRun(0, 0, checked((int)raised), 0, resolved);
    }

    private static ReconciliationRun Add(ReconciliationRun a, ReconciliationRun b) => new(
        a.LinesExamined + b.LinesExamined, a.LinesMatched + b.LinesMatched, a.AnomaliesRaised + b.AnomaliesRaised,
        a.PaymentsReported + b.PaymentsReported, a.AnomaliesResolved + b.AnomaliesResolved);

    /// <summary>What every statement of a pass may read: <c>@tenant</c>, <c>@now</c>, <c>@cutoff</c>, <c>@days</c>, <c>@lines</c>.</summary>
    private sealed record PassParameters(TenantId? Tenant, DateTimeOffset Now, TimeSpan PaidNotReportedAfter, int Lines);

    /// <summary>
    /// The statements of one transaction of a pass on its connection, with the pass's parameters, <c>@before</c> and the
    /// chunk's bounds <c>@after0</c>… (the last line of the previous chunk) and <c>@upto0</c>… (its own last line).
    /// </summary>
    private sealed class Pass(DbTransaction transaction, PassParameters shared, CancellationToken cancellationToken)
    {
        public PassParameters Shared => shared;

        public long Before { get; set; }

        public IReadOnlyList<object> After { get; init; } = [];

        public IReadOnlyList<object> Upto { get; set; } = [];

        /// <summary>Runs <paramref name="sql"/>; the rows its statements changed.</summary>
        public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] extra)
        {
            var command = Command(sql, extra);
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<long> ScalarAsync(string sql)
        {
            var command = Command(sql, []);
            await using (command.ConfigureAwait(false))
            {
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }
        }

        public async Task<(long First, long Second)> PairAsync(string sql)
        {
            var row = await RowAsync(sql).ConfigureAwait(false);
            return (Convert.ToInt64(row![0], CultureInfo.InvariantCulture), Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
        }

        /// <summary>The first row's values; null when there is no row or its first value is null.</summary>
        public async Task<object[]?> RowAsync(string sql)
        {
            var command = Command(sql, []);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    return values;
                }
            }
        }

        private DbCommand Command(string sql, (string Name, object Value)[] extra)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.AddParameter("@tenant", shared.Tenant is { } t ? t.Value : DBNull.Value);
            command.AddParameter("@now", shared.Now.ToUnixTimeMilliseconds());
            command.AddParameter("@cutoff", (shared.Now - shared.PaidNotReportedAfter).ToUnixTimeMilliseconds());
            command.AddParameter("@days", shared.PaidNotReportedAfter.TotalDays);
            command.AddParameter("@lines", shared.Lines);
            command.AddParameter("@before", Before);
            for (var i = 0; i < After.Count; i++)
            {
                command.AddParameter(string.Create(CultureInfo.InvariantCulture, $"@after{i}"), After[i]);
            }

            for (var i = 0; i < Upto.Count; i++)
            {
                command.AddParameter(string.Create(CultureInfo.InvariantCulture, $"@upto{i}"), Upto[i]);
            }

            foreach (var (name, value) in extra)
            {
                command.AddParameter(name, value);
            }

            return command;
        }
    }
}
