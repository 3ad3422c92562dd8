using System.Data;
using System.Data.Common;
using System.Globalization;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Reconciliation;

/// <summary>
/// The matcher as a handful of set-based statements in one write transaction, so a million lines cost a few joins on
/// indexes rather than a million round trips (see BENCHMARKS.md). The rules are in <see cref="MatchingSql"/>.
/// </summary>
internal sealed class ReconciliationMatcher(IDbContextFactory<HubDbContext> dbFactory, ITenantDirectory tenants, IOptions<ReconciliationOptions> options)
    : IReconciliationMatcher
{
    public async Task<ReconciliationRun> MatchAsync(TenantId? tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var after = options.Value.PaidNotReportedAfter;
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (db.IsPostgreSql())
            {
                // PostgreSQL sizes its caches server-wide; there is no per-connection setting to raise for the pass.
                return await RunAsync(db, tenant, now, after, cancellationToken).ConfigureAwait(false);
            }

            var tuning = await PassTuning.ApplyAsync(db.Database.GetDbConnection(), cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunAsync(db, tenant, now, after, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await tuning.RestoreAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<ReconciliationRun> RunAsync(HubDbContext db, TenantId? tenant, DateTimeOffset now, TimeSpan after, CancellationToken cancellationToken)
    {
        var sql = MatchingStatements.For(db);
        var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var pass = new Pass(transaction.GetDbTransaction(), tenant, now, now - after, after.TotalDays, cancellationToken);
            await pass.ExecuteAsync(sql.DropWorkTables).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.CreateTenants).ConfigureAwait(false);
            foreach (var settings in tenants.All.Where(t => t.FiscalCode.Length > 0 && (tenant is null || t.Id == tenant.Value.Value)))
            {
                await pass.ExecuteAsync(sql.InsertTenant, ("@t", settings.Id), ("@fc", settings.FiscalCode)).ConfigureAwait(false);
            }

            pass.Before = await pass.ScalarAsync(sql.LastAnomalyId).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.CreateLines).ConfigureAwait(false);
            var (examined, matched) = await pass.PairAsync(sql.CountLines).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.UpdateLines).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.InsertLineAnomalies).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.InsertPaidTwice).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.CreateFlows).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.InsertFlowAnomalies).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.ReportOptions).ConfigureAwait(false);
            var reported = await pass.ScalarAsync(sql.CountReported).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.InsertReportedEvents).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.InsertPaidNotReported).ConfigureAwait(false);
            var resolved = await pass.ExecuteAsync(sql.ResolveSettledAnomalies).ConfigureAwait(false);
            var raised = await pass.ScalarAsync(sql.CountNewAnomalies).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.InsertAnomalyEvents).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.UpdateFlowStatuses).ConfigureAwait(false);
            await pass.ExecuteAsync(sql.DropWorkTables).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new ReconciliationRun(checked((int)examined), checked((int)matched), checked((int)raised), checked((int)reported), resolved);
        }
    }

    /// <summary>The statements of one pass on the transaction's connection, with the pass's shared parameters.</summary>
    private sealed class Pass(DbTransaction transaction, TenantId? tenant, DateTimeOffset now, DateTimeOffset cutoff, double days, CancellationToken cancellationToken)
    {
        public long Before { get; set; }

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
            var command = Command(sql, []);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    return (reader.GetInt64(0), reader.GetInt64(1));
                }
            }
        }

        private DbCommand Command(string sql, (string Name, object Value)[] extra)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            Add(command, "@tenant", tenant is { } t ? t.Value : DBNull.Value);
            Add(command, "@now", now.ToUnixTimeMilliseconds());
            Add(command, "@cutoff", cutoff.ToUnixTimeMilliseconds());
            Add(command, "@days", days);
            Add(command, "@before", Before);
            foreach (var (name, value) in extra)
            {
                Add(command, name, value);
            }

            return command;
        }

        private static void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
