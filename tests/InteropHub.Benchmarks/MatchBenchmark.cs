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

namespace InteropHub.Benchmarks;

/// <summary>
/// The reconciliation matcher end to end on a SQLite file: N paid payments (one notice, one transfer, a receipt each),
/// N flow lines across the given number of flows (one in a thousand with a wrong amount), then two baselines on a sample
/// of lines (the prepared-statement one rolled back, the naive EF one on a copy of the file) and the set-based
/// <see cref="IReconciliationMatcher"/> on everything.
/// </summary>
internal static class MatchBenchmark
{
    private const string Tenant = "comune-bench";
    private const string FiscalCode = "02438750586";
    private static readonly DateTimeOffset PaidAt = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int payments, int flows, int baselineLines, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "interophub-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "bench.db");
        try
        {
            var services = Services(file);
            await using (services.ConfigureAwait(false))
            {
                await HubDatabase.InitializeAsync(services, cancellationToken).ConfigureAwait(false);
                var watch = Stopwatch.StartNew();
                await InsertPaymentsAsync(file, payments, cancellationToken).ConfigureAwait(false);
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
                var cpu = Cpu();
                watch.Restart();
                await NaiveMatcher.RunAsync(file, Tenant, sample, cancellationToken).ConfigureAwait(false);
                var naive = watch.Elapsed;
                var naiveCpu = Cpu() - cpu;
                output.WriteLine($"naive baseline: {sample:N0} lines in {naive.TotalSeconds:F2} s = {naive.TotalMicroseconds / sample:F1} µs/line (rolled back); process CPU {naiveCpu.TotalMicroseconds / sample:F1} µs/line");

                var (efLines, naiveEf, naiveEfCpu) = await NaiveEfOnCopyAsync(file, Path.Combine(folder, "naive-ef.db"), sample, cancellationToken).ConfigureAwait(false);
                output.WriteLine($"naive EF baseline: {efLines:N0} lines in {naiveEf.TotalSeconds:F2} s = {naiveEf.TotalMicroseconds / efLines:F1} µs/line (on a copy, SaveChanges per flow); process CPU {naiveEfCpu.TotalMicroseconds / efLines:F1} µs/line");
                output.WriteLine($"peak working set after the baselines: {Mib(Process.GetCurrentProcess().PeakWorkingSet64)} MiB");

                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                cpu = Cpu();
                watch.Restart();
                var run = await services.GetRequiredService<IReconciliationMatcher>().MatchAsync(null, PaidAt.AddDays(2), cancellationToken).ConfigureAwait(false);
                var matched = watch.Elapsed;
                var matchedCpu = Cpu() - cpu;
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                output.WriteLine($"MatchAsync: {run} in {matched.TotalSeconds:F2} s = {matched.TotalMicroseconds / run.LinesExamined:F2} µs/line");
                output.WriteLine($"MatchAsync process CPU: {matchedCpu.TotalSeconds:F2} s = {matchedCpu.TotalMicroseconds / run.LinesExamined:F2} µs/line");
                output.WriteLine($"speed-up per line vs naive: {naive.TotalMicroseconds / sample / (matched.TotalMicroseconds / run.LinesExamined):F1}x wall, {naiveCpu.TotalMicroseconds / sample / (matchedCpu.TotalMicroseconds / run.LinesExamined):F1}x CPU");
                output.WriteLine($"speed-up per line vs naive EF: {naiveEf.TotalMicroseconds / efLines / (matched.TotalMicroseconds / run.LinesExamined):F1}x wall, {naiveEfCpu.TotalMicroseconds / efLines / (matchedCpu.TotalMicroseconds / run.LinesExamined):F1}x CPU");
                output.WriteLine($"managed allocations during MatchAsync: {Mib(allocated)} MiB; peak working set of the process: {Mib(Process.GetCurrentProcess().PeakWorkingSet64)} MiB");

                watch.Restart();
                var rerun = await services.GetRequiredService<IReconciliationMatcher>().MatchAsync(null, PaidAt.AddDays(2), cancellationToken).ConfigureAwait(false);
                output.WriteLine($"MatchAsync re-run: {rerun} in {watch.Elapsed.TotalSeconds:F2} s");
                output.WriteLine($"database file: {Mib(new FileInfo(file).Length)} MiB");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The naive EF baseline on a copy of the database as generated, so it can commit each flow as it would in the hub
    /// while the set-based pass still finds every line pending; the copy is deleted afterwards.
    /// </summary>
    private static async Task<(int Lines, TimeSpan Wall, TimeSpan Cpu)> NaiveEfOnCopyAsync(string file, string copy, int limit, CancellationToken cancellationToken)
    {
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Copy(file, copy);
        try
        {
            var services = Services(copy);
            await using (services.ConfigureAwait(false))
            {
                var cpu = Cpu();
                var watch = Stopwatch.StartNew();
                var lines = await NaiveEfMatcher.RunAsync(services.GetRequiredService<IDbContextFactory<HubDbContext>>(), limit, PaidAt.AddDays(2), cancellationToken).ConfigureAwait(false);
                return (lines, watch.Elapsed, Cpu() - cpu);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static ServiceProvider Services(string file)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Hub"] = $"Data Source={file}" })
            .Build();
        var services = new ServiceCollection();
        services.AddHubCore(configuration, Path.GetDirectoryName(file)!, [new TenantSettings { Id = Tenant, Name = "Comune Bench", FiscalCode = FiscalCode }]);
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

    /// <summary>Paid payments straight into the tables, one prepared insert per table in one transaction.</summary>
    private static async Task InsertPaymentsAsync(string file, int count, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
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

    internal static SqliteParameter[] Parameters(SqliteCommand command, params string[] names) =>
        names.Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();

    // CPU time of the whole process: on a shared machine wall time also counts other tenants' load.
    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static double Mib(long bytes) => Math.Round(bytes / 1024d / 1024d, 1);
}
