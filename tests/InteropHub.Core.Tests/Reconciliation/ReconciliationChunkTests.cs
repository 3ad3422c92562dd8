using System.Globalization;
using InteropHub.Contracts.Payments;
using InteropHub.Core.Payments;
using InteropHub.Core.Persistence;
using InteropHub.Core.Reconciliation;
using InteropHub.Core.Tests.Payments;
using Microsoft.Data.Sqlite;
using static InteropHub.Core.Tests.Reconciliation.TestFlows;

namespace InteropHub.Core.Tests.Reconciliation;

/// <summary>
/// A long matching pass commits chunk by chunk: the API's writes get in between chunks instead of waiting for the whole
/// pass, and a pass stopped between chunks leaves whole chunks that the next pass completes.
/// </summary>
public class ReconciliationChunkTests : HubDatabaseTest
{
    private const int LinesPerTransaction = 10;
    private static readonly DateTimeOffset PaidAt = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 8, 0, 0, TimeSpan.Zero);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hub:Reconciliation:LinesPerTransaction"] = LinesPerTransaction.ToString(CultureInfo.InvariantCulture),
    };

    private IPaymentStore Payments => Db.Get<IPaymentStore>();

    private IReportingFlowStore Flows => Db.Get<IReportingFlowStore>();

    private IReconciliationMatcher Matcher => Db.Get<IReconciliationMatcher>();

    [Fact]
    public async Task A_payment_created_while_a_long_pass_runs_is_stored_before_the_pass_ends()
    {
        // 400 lines of IUVs no notice has: 400 anomalies with their events, in 40 chunks.
        for (var f = 0; f < 4; f++)
        {
            await Flows.SaveAsync(TestTenants.AId, Flow($"F-{f}", [.. Enumerable.Range(1, 100).Select(i => Line(i, UnknownIuv((f * 100) + i), $"iur-{f}-{i}", 10m))]), Ct);
        }

        var pass = Task.Run(() => Matcher.MatchAsync(null, Now, Ct), Ct);
        await EventuallyAsync(async () => await WriteLockTakenAsync() || await DecidedLinesAsync() > 0, pass);
        // As POST /v1/payments does: stored pending, then GPD's answer recorded (a write transaction on both providers).
        var pending = (await Payments.AddPendingAsync(TestPayments.New(TestTenants.AId, "during-the-pass"), Ct)).Payment;
        var created = Assert.Single(await Payments.RecordOutcomesAsync(
            TestTenants.AId, [new PaymentOutcome(pending.Id, TestPayments.Position(pending, DebtPositionStatus.Valid), null)], Ct));

        Assert.False(pass.IsCompleted, "The payment was stored only once the pass had ended: the pass kept the write lock throughout.");
        var run = await pass;
        Assert.Equal((400, 0, 400), (run.LinesExamined, run.LinesMatched, run.AnomaliesRaised));
        Assert.Equal(PaymentStatus.Payable, (await Payments.FindAsync(TestTenants.AId, created.Id, Ct))!.Status);
    }

    [Fact]
    public async Task A_pass_stopped_between_chunks_keeps_whole_chunks_and_the_next_pass_completes_it()
    {
        // Two-notice plans whose notices are reported by two flows, so a payment is reported by a later chunk than the one
        // that matched its first notice; one line in six names an unknown IUV.
        const int Plans = 30;
        var plans = new List<PaymentRecord>();
        for (var p = 0; p < Plans; p++)
        {
            plans.Add(await PlanAsync($"plan-{p}"));
        }

        for (var installment = 0; installment < 2; installment++)
        {
            var lines = plans.SelectMany((plan, p) => new[]
            {
                (Iuv: plan.Options[installment].Iuv.Value, Iur: $"iur-plan-{p}-{installment}", Amount: 100.00m + (installment / 100m)),
                (Iuv: UnknownIuv((installment * Plans) + p), Iur: $"iur-unknown-{installment}-{p}", Amount: 5m),
            }).Where((_, i) => i % 2 == 0 || i % 6 == 1);
            await Flows.SaveAsync(TestTenants.AId, Flow($"F-{installment}", [.. lines.Select((l, i) => Line(i + 1, l.Iuv, l.Iur, l.Amount))]), Ct);
        }

        var unknown = 2 * ((Plans + 2) / 3);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var stopped = Task.Run(() => Matcher.MatchAsync(null, Now, stop.Token), Ct);
        await EventuallyAsync(async () => await DecidedLinesAsync() > 0, stopped);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);
        var partial = await StateAsync();
        Assert.True(partial.Decided > 0 && partial.Decided <= (2 * Plans) + unknown, $"{partial}");
        Assert.Equal(partial.Reported, partial.ReportedEvents);
        Assert.Equal(partial.Anomalies, partial.AnomalyEvents);
        Assert.Equal(partial.Reported, partial.PaymentsWithBothNoticesReported);

        var run = await Matcher.MatchAsync(null, Now, Ct);
        var rerun = await Matcher.MatchAsync(null, Now, Ct);

        Assert.Equal(new State((2 * Plans) + unknown, Plans, Plans, unknown, unknown, Plans), await StateAsync());
        Assert.Equal(Plans - partial.Reported, run.PaymentsReported);
        Assert.Equal(new ReconciliationRun(unknown, 0, 0, 0), rerun);
    }

    private static string UnknownIuv(int i) => (1_999_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture).PadLeft(17, '0');

    /// <summary>A payable two-notice plan of tenant A (100.00 € and 100.01 €), both notices paid with receipt iur-{iupd}-{i}.</summary>
    private async Task<PaymentRecord> PlanAsync(string iupd)
    {
        var payment = (await Payments.AddPendingAsync(TestPayments.New(TestTenants.AId, iupd, installments: 2), Ct)).Payment;
        payment = Assert.Single(await Payments.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payment.Id, TestPayments.Position(payment, DebtPositionStatus.Valid), null)], Ct));
        foreach (var option in payment.Options)
        {
            payment = (await Payments.RecordReceiptAsync(
                TestTenants.AId,
                new PaymentReceipt { ReceiptId = $"iur-{iupd}-{option.Index}", Iuv = option.Iuv.Value, Succeeded = true, AmountCents = option.AmountCents, PaidAt = PaidAt },
                Ct))!;
        }

        return payment;
    }

    /// <summary>
    /// Whether someone holds the hub's write lock: SQLite's (a probe of BEGIN IMMEDIATE is refused) or the advisory lock
    /// on PostgreSQL. A pass that holds it only while a chunk runs is seen started by its first chunk's lines instead.
    /// </summary>
    private async Task<bool> WriteLockTakenAsync()
    {
        if (Db.Provider == HubDatabaseProvider.PostgreSql)
        {
            return Convert.ToInt64(await Db.ScalarAsync("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"), CultureInfo.InvariantCulture) > 0;
        }

        await using var probe = new SqliteConnection($"Data Source={Db.FilePath}");
        await probe.OpenAsync(Ct);
        // Straight to SQLite, which answers BUSY at once: the provider's own retries would wait for the lock instead.
        if (SQLitePCL.raw.sqlite3_exec(probe.Handle, "BEGIN IMMEDIATE") == SQLitePCL.raw.SQLITE_BUSY)
        {
            return true;
        }

        SQLitePCL.raw.sqlite3_exec(probe.Handle, "ROLLBACK");
        return false;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails if <paramref name="pass"/> ends first.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, Task pass)
    {
        while (!await condition())
        {
            Assert.False(pass.IsCompleted, "The pass ended before the condition was seen.");
            await Task.Delay(1, Ct);
        }
    }

    private async Task<long> DecidedLinesAsync() =>
        Convert.ToInt64(await Db.ScalarAsync("""SELECT COUNT(*) FROM "ReportingFlowLines" WHERE "Status" <> 'Pending'"""), CultureInfo.InvariantCulture);

    private async Task<State> StateAsync()
    {
        async Task<int> Count(string sql) => Convert.ToInt32(await Db.ScalarAsync(sql), CultureInfo.InvariantCulture);
        return new State(
            await Count("""SELECT COUNT(*) FROM "ReportingFlowLines" WHERE "Status" <> 'Pending'"""),
            await Count("""SELECT COUNT(*) FROM "Payments" WHERE "Status" = 'Reported'"""),
            await Count("""SELECT COUNT(*) FROM "Events" WHERE "Type" = 'payment.reported'"""),
            await Count("""SELECT COUNT(*) FROM "ReconciliationAnomalies" """),
            await Count("""SELECT COUNT(*) FROM "Events" WHERE "Type" = 'reconciliation.anomaly'"""),
            await Count("""
                SELECT COUNT(*) FROM "Payments" p WHERE "Status" = 'Reported'
                  AND NOT EXISTS (SELECT 1 FROM "PaymentOptions" o WHERE o."PaymentId" = p."Id" AND o."Status" <> 'Reported')
                """));
    }

    private sealed record State(int Decided, int Reported, int ReportedEvents, int Anomalies, int AnomalyEvents, int PaymentsWithBothNoticesReported);
}
