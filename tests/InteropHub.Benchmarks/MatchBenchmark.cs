using System.Diagnostics;
using System.Globalization;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core;
using InteropHub.Core.Persistence;
using InteropHub.Core.Reconciliation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InteropHub.Benchmarks;

/// <summary>
/// The reconciliation matcher end to end on a SQLite file or a PostgreSQL database: N paid payments (one notice, one
/// transfer, a receipt each), N flow lines across the given number of flows (one in a thousand with a wrong amount), then
/// two baselines on a sample of lines (the prepared-statement one rolled back, the naive EF one on a copy of the database)
/// and the set-based <see cref="IReconciliationMatcher"/> on everything.
/// </summary>
internal static class MatchBenchmark
{
    private const string Tenant = "comune-bench";
    private const string FiscalCode = "02438750586";
    private static readonly DateTimeOffset PaidAt = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(string provider, int payments, int flows, int baselineLines, TextWriter output, CancellationToken cancellationToken)
    {
        var database = await BenchDatabase.CreateAsync(provider, cancellationToken).ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
        {
            output.WriteLine($"provider: {(database.IsPostgreSql ? "PostgreSQL" : "SQLite")}; lines per transaction: {new ReconciliationOptions().LinesPerTransaction:N0}");
            var services = Services(database);
            await using (services.ConfigureAwait(false))
            {
                await HubDatabase.InitializeAsync(services, cancellationToken).ConfigureAwait(false);
                var watch = Stopwatch.StartNew();
                await InsertPaymentsAsync(database, payments, cancellationToken).ConfigureAwait(false);
                output.WriteLine($"generate payments: {payments:N0} in {watch.Elapsed.TotalSeconds:F1} s");

                watch.Restart();
                var store = services.GetRequiredService<IReportingFlowStore>();
                var perFlow = payments / flows;
                for (var f = 0; f < flows; f++)
                {
                    await store.SaveAsync(TenantId.Parse(Tenant), Flow(f, f * perFlow, perFlow), cancellationToken).ConfigureAwait(false);
                }

                output.WriteLine($"save flows: {flows} flows, {perFlow * flows:N0} lines via IReportingFlowStore.SaveAsync in {watch.Elapsed.TotalSeconds:F1} s");
                output.WriteLine($"peak working set after generation: {Mib(Process.GetCurrentProcess().PeakWorkingSet64)} MiB");

                var sample = Math.Min(baselineLines, perFlow * flows);
                var (naive, naiveCpu, efLines, naiveEf, naiveEfCpu) = sample == 0
                    ? default
                    : await BaselinesAsync(database, sample, output, cancellationToken).ConfigureAwait(false);

                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = Cpu();
                var serverCpu = database.ServerCpu();
                watch.Restart();
                var run = await services.GetRequiredService<IReconciliationMatcher>().MatchAsync(null, PaidAt.AddDays(2), cancellationToken).ConfigureAwait(false);
                var matched = watch.Elapsed;
                var matchedCpu = Cpu() - cpu + (database.ServerCpu() - serverCpu);
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                output.WriteLine($"MatchAsync: {run} in {matched.TotalSeconds:F2} s = {matched.TotalMicroseconds / run.LinesExamined:F2} µs/line");
                output.WriteLine($"MatchAsync CPU (this process{(database.IsPostgreSql ? " + PostgreSQL server" : string.Empty)}): {matchedCpu.TotalSeconds:F2} s = {matchedCpu.TotalMicroseconds / run.LinesExamined:F2} µs/line");
                if (sample > 0)
                {
                    output.WriteLine($"speed-up per line vs naive: {naive.TotalMicroseconds / sample / (matched.TotalMicroseconds / run.LinesExamined):F1}x wall, {naiveCpu.TotalMicroseconds / sample / (matchedCpu.TotalMicroseconds / run.LinesExamined):F1}x CPU");
                    output.WriteLine($"speed-up per line vs naive EF: {naiveEf.TotalMicroseconds / efLines / (matched.TotalMicroseconds / run.LinesExamined):F1}x wall, {naiveEfCpu.TotalMicroseconds / efLines / (matchedCpu.TotalMicroseconds / run.LinesExamined):F1}x CPU");
                }

                output.WriteLine($"managed allocations during MatchAsync: {Mib(allocated)} MiB; peak working set of the process: {Mib(Process.GetCurrentProcess().PeakWorkingSet64)} MiB");

                watch.Restart();
                var rerun = await services.GetRequiredService<IReconciliationMatcher>().MatchAsync(null, PaidAt.AddDays(2), cancellationToken).ConfigureAwait(false);
                output.WriteLine($"MatchAsync re-run: {rerun} in {watch.Elapsed.TotalSeconds:F2} s");
                output.WriteLine($"database size: {Mib(await database.SizeAsync(cancellationToken).ConfigureAwait(false))} MiB");
            }
        }
    }

    /// <summary>Both baselines on the first <paramref name="sample"/> lines: wall and CPU (this process and, on PostgreSQL, the server's).</summary>
    private static async Task<(TimeSpan Naive, TimeSpan NaiveCpu, int EfLines, TimeSpan NaiveEf, TimeSpan NaiveEfCpu)> BaselinesAsync(
        BenchDatabase database, int sample, TextWriter output, CancellationToken cancellationToken)
    {
        var cpu = Cpu() + database.ServerCpu();
        var watch = Stopwatch.StartNew();
        await using (var connection = database.Connection(AutoPrepared(database)))
        {
            await NaiveMatcher.RunAsync(connection, Tenant, sample, cancellationToken).ConfigureAwait(false);
        }

        var naive = watch.Elapsed;
        var naiveCpu = Cpu() + database.ServerCpu() - cpu;
        output.WriteLine($"naive baseline: {sample:N0} lines in {naive.TotalSeconds:F2} s = {naive.TotalMicroseconds / sample:F1} µs/line (rolled back); CPU {naiveCpu.TotalMicroseconds / sample:F1} µs/line");

        var (efLines, naiveEf, naiveEfCpu) = await NaiveEfOnCopyAsync(database, sample, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"naive EF baseline: {efLines:N0} lines in {naiveEf.TotalSeconds:F2} s = {naiveEf.TotalMicroseconds / efLines:F1} µs/line (on a copy, SaveChanges per flow); CPU {naiveEfCpu.TotalMicroseconds / efLines:F1} µs/line");
        output.WriteLine($"peak working set after the baselines: {Mib(Process.GetCurrentProcess().PeakWorkingSet64)} MiB");
        return (naive, naiveCpu, efLines, naiveEf, naiveEfCpu);
    }

    // Npgsql prepares a statement once it has run twice on a connection, as SQLite's provider always does.
    private static string AutoPrepared(BenchDatabase database) => database.IsPostgreSql
        ? new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxAutoPrepare = 10, AutoPrepareMinUsages = 2 }.ConnectionString
        : database.ConnectionString;

    /// <summary>
    /// The naive EF baseline on a copy of the database as generated, so it can commit each flow as it would in the hub
    /// while the set-based pass still finds every line pending; the copy is dropped afterwards.
    /// </summary>
    private static async Task<(int Lines, TimeSpan Wall, TimeSpan Cpu)> NaiveEfOnCopyAsync(BenchDatabase database, int limit, CancellationToken cancellationToken)
    {
        var copy = await database.CopyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var services = Services(database, copy);
            await using (services.ConfigureAwait(false))
            {
                var cpu = Cpu();
                var serverCpu = database.ServerCpu();
                var watch = Stopwatch.StartNew();
                var lines = await NaiveEfMatcher.RunAsync(services.GetRequiredService<IDbContextFactory<HubDbContext>>(), limit, PaidAt.AddDays(2), cancellationToken).ConfigureAwait(false);
                return (lines, watch.Elapsed, Cpu() - cpu + (database.ServerCpu() - serverCpu));
            }
        }
        finally
        {
            await database.DropCopyAsync(copy).ConfigureAwait(false);
        }
    }

    private static ServiceProvider Services(BenchDatabase database, string? connectionString = null)
    {
        var settings = new Dictionary<string, string?>(database.Settings) { ["ConnectionStrings:Hub"] = connectionString ?? database.ConnectionString };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddHubCore(configuration, database.Folder, [new TenantSettings { Id = Tenant, Name = "Comune Bench", FiscalCode = FiscalCode }]);
        return services.BuildServiceProvider();
    }

    private static string Iuv(int i) => (10_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);

    private static long Cents(int i) => 1_000 + (i % 50_000);

    private static ReportingFlow Flow(int flow, int first, int count)
    {
        var lines = Enumerable.Range(first, count)
            .Select((i, n) => new ReportingFlowLine(n + 1, Iuv(i), $"iur-{i}", 1, (Cents(i) + (i % 1000 == 999 ? 1 : 0)) / 100m, ReportedOutcome.Executed, PaidAt))
            .ToList();
        return new ReportingFlow
        {
            Ref = new ReportingFlowRef($"2026-03-03BENCHPSP01-{flow:D6}", "BENCHPSP01", 1, PaidAt.AddDays(1), new DateOnly(2026, 3, 3)),
            Regulation = $"TRN-{flow}",
            RegulationDate = new DateOnly(2026, 3, 3),
            ReceiverOrganizationId = FiscalCode,
            TotalPayments = lines.Count,
            SumPayments = lines.Sum(l => l.Amount),
            Lines = lines,
        };
    }

    /// <summary>Paid payments straight into the tables: on SQLite one prepared insert per table in one transaction.</summary>
    private static async Task InsertPaymentsAsync(BenchDatabase database, int count, CancellationToken cancellationToken)
    {
        if (database.IsPostgreSql)
        {
            await InsertPaymentsAsync((NpgsqlConnection)database.Connection(), count, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        await using var payment = connection.CreateCommand();
        payment.CommandText = """
            INSERT INTO Payments (Id, Tenant, Iupd, RequestHash, Status, DebtorFiscalCode, DebtorJson, Description, Reference, TaxonomyCode, ExpiryPolicy, CreatedAt, UpdatedAt, Version)
            VALUES (@id, @tenant, @iupd, 'hash', 'Paid', 'RSSMRA80A01H501U', '{"Type":"NaturalPerson","FiscalCode":"RSSMRA80A01H501U","FullName":"Mario Rossi"}', 'TARI 2026', NULL, '9/0101108TS/', 'PayableAfterDue', @at, @at, 2);
            """;
        await using var option = connection.CreateCommand();
        option.CommandText = """
            INSERT INTO PaymentOptions (PaymentId, "Index", Tenant, Iuv, NoticeNumber, AmountCents, DueDate, TransfersJson, Status, PaidAt, ReceiptId, PspCompany, FeeCents)
            VALUES (@id, 0, @tenant, @iuv, '3' || @iuv, @cents, '2026-04-30', @transfers, 'Paid', @paid, @iur, 'Banca Bench', 100);
            """;
        var p = Parameters(payment, "@id", "@tenant", "@iupd", "@at");
        var o = Parameters(option, "@id", "@tenant", "@iuv", "@cents", "@transfers", "@paid", "@iur");
        payment.Prepare();
        option.Prepare();
        var at = PaidAt.AddDays(-10).ToUnixTimeMilliseconds();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (id, Tenant, $"iupd-{i}", at);
            (o[0].Value, o[1].Value, o[2].Value, o[3].Value) = (id, Tenant, Iuv(i), Cents(i));
            (o[4].Value, o[5].Value, o[6].Value) = ($$"""[{"Index":1,"AmountCents":{{Cents(i)}},"Iban":"IT60X0542811101000000123456","BeneficiaryFiscalCode":null,"RemittanceInformation":null}]""", PaidAt.ToUnixTimeMilliseconds(), $"iur-{i}");
            await payment.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await option.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same rows on PostgreSQL, generated by the server: ids ascend like version 7 ones.</summary>
    private static async Task InsertPaymentsAsync(NpgsqlConnection connection, int count, CancellationToken cancellationToken)
    {
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO "Payments" ("Id", "Tenant", "Iupd", "RequestHash", "Status", "DebtorFiscalCode", "DebtorJson", "Description", "Reference", "TaxonomyCode", "ExpiryPolicy", "CreatedAt", "UpdatedAt", "Version")
                SELECT ('019c0000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, @tenant, 'iupd-' || i, 'hash', 'Paid', 'RSSMRA80A01H501U',
                    '{"Type":"NaturalPerson","FiscalCode":"RSSMRA80A01H501U","FullName":"Mario Rossi"}', 'TARI 2026', NULL, '9/0101108TS/', 'PayableAfterDue', @at, @at, 2
                FROM generate_series(0, @count - 1) i;
                INSERT INTO "PaymentOptions" ("PaymentId", "Index", "Tenant", "Iuv", "NoticeNumber", "AmountCents", "DueDate", "TransfersJson", "Status", "PaidAt", "ReceiptId", "PspCompany", "FeeCents")
                SELECT ('019c0000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 0, @tenant, (10000000000000000 + i)::text, '3' || (10000000000000000 + i)::text,
                    1000 + i % 50000, DATE '2026-04-30',
                    '[{"Index":1,"AmountCents":' || (1000 + i % 50000) || ',"Iban":"IT60X0542811101000000123456","BeneficiaryFiscalCode":null,"RemittanceInformation":null}]',
                    'Paid', @paid, 'iur-' || i, 'Banca Bench', 100
                FROM generate_series(0, @count - 1) i;
                ANALYZE;
                """;
            command.Parameters.AddWithValue("@tenant", Tenant);
            command.Parameters.AddWithValue("@at", PaidAt.AddDays(-10).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@paid", PaidAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@count", count);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static SqliteParameter[] Parameters(SqliteCommand command, params string[] names) =>
        names.Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();

    // CPU time of the whole process: on a shared machine wall time also counts other tenants' load.
    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static double Mib(long bytes) => Math.Round(bytes / 1024d / 1024d, 1);
}
