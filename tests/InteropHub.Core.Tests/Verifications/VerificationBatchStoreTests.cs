using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Verifications;

namespace InteropHub.Core.Tests.Verifications;

public class VerificationBatchStoreTests : HubDatabaseTest
{
    private static readonly CallerContext CallerA = new(TestTenants.AId, "req-batch-1", "operatore.rossi", "Verifica requisiti contributo affitti");

    private static readonly VerificationProblem InvalidCode = new("invalid_fiscal_code", "Not a valid fiscal code.");

    private static readonly Dictionary<ResidentCheckKind, VerificationOutcome> AliveConfirmed = new() { [ResidentCheckKind.Alive] = VerificationOutcome.Confirmed };

    private IVerificationBatchStore Store => Db.Get<IVerificationBatchStore>();

    private DateTimeOffset Now => Db.Time.GetUtcNow();

    private static string Code(int index) => $"TSTPRS80A01H{index:D4}";

    private static NewVerificationBatch Batch(int items, params int[] invalid) => new(
        CallerA,
        [ResidentCheckKind.Alive],
        null,
        null,
        Enumerable.Range(0, items).Select(i => new NewVerificationItem(Code(i), Problem: invalid.Contains(i) ? InvalidCode : null)).ToList());

    private async Task<VerificationBatch> BatchAsync(Guid id) =>
        (await Store.FindAsync(TestTenants.AId, id, 0, 1, Ct) ?? throw new InvalidOperationException("The batch is gone.")).Batch;

    private async Task<VerificationItem> ItemAsync(Guid id, int index) =>
        Assert.Single((await Store.FindAsync(TestTenants.AId, id, index, 1, Ct))!.Items);

    [Fact]
    public async Task A_created_batch_is_found_with_its_request_checks_and_items_in_order()
    {
        var created = await Store.CreateAsync(
            new NewVerificationBatch(
                CallerA,
                [ResidentCheckKind.ResidentInComune, ResidentCheckKind.IdentityMatches],
                "058091",
                new DateOnly(2026, 1, 15),
                [new NewVerificationItem("RSSMRA80A01H501U"), new NewVerificationItem("VRDLGI75B12F205X"), new NewVerificationItem("BNCNNA90C45L219K")]),
            Ct);

        var page = await Store.FindAsync(TestTenants.AId, created.Id, 0, 100, Ct);

        Assert.NotNull(page);
        var batch = page.Batch;
        Assert.Equal(created, batch with { Checks = created.Checks });
        Assert.Equal([ResidentCheckKind.ResidentInComune, ResidentCheckKind.IdentityMatches], batch.Checks);
        Assert.Equal(TestTenants.AId, batch.Tenant);
        Assert.Equal(("operatore.rossi", "Verifica requisiti contributo affitti", "req-batch-1"), (batch.OperatorId, batch.Reason, batch.RequestId));
        Assert.Equal("058091", batch.ComuneIstatCode);
        Assert.Equal(new DateOnly(2026, 1, 15), batch.ReferenceDate);
        Assert.Equal(HubTestDatabase.Start, batch.CreatedAt);
        Assert.Null(batch.CompletedAt);
        Assert.Equal((3, 0, 0, 3), (batch.Total, batch.Verified, batch.Failed, batch.Pending));
        Assert.Equal([0, 1, 2], page.Items.Select(i => i.Index));
        Assert.Equal(["RSSMRA80A01H501U", "VRDLGI75B12F205X", "BNCNNA90C45L219K"], page.Items.Select(i => i.FiscalCode));
        Assert.All(page.Items, i =>
        {
            Assert.Equal(VerificationItemStatus.Pending, i.Status);
            Assert.Empty(i.Results);
            Assert.Null(i.Problem);
        });
    }

    [Fact]
    public async Task Another_tenant_or_an_unknown_id_finds_nothing()
    {
        var created = await Store.CreateAsync(Batch(2), Ct);

        Assert.Null(await Store.FindAsync(TestTenants.BId, created.Id, 0, 10, Ct));
        Assert.Null(await Store.FindAsync(TestTenants.AId, Guid.CreateVersion7(), 0, 10, Ct));
        Assert.NotNull(await Store.FindAsync(TestTenants.AId, created.Id, 0, 10, Ct));
    }

    [Fact]
    public async Task A_batch_without_operator_or_reason_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(Batch(1) with { Caller = CallerA with { Reason = null } }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(Batch(1) with { Caller = CallerA with { OperatorId = "" } }, Ct));
    }

    [Fact]
    public async Task Items_with_a_problem_are_failed_at_creation_and_never_pending()
    {
        var created = await Store.CreateAsync(Batch(3, invalid: 1), Ct);

        Assert.Equal((3, 0, 1, 2), (created.Total, created.Verified, created.Failed, created.Pending));
        Assert.Null(created.CompletedAt);
        var failed = await ItemAsync(created.Id, 1);
        Assert.Equal(VerificationItemStatus.Failed, failed.Status);
        Assert.Equal(InvalidCode, failed.Problem);
        Assert.Equal([0, 2], (await Store.NextPendingAsync(Now, 10, Ct)).Select(p => p.Item.Index));
    }

    [Fact]
    public async Task A_batch_of_only_failed_items_is_completed_at_creation()
    {
        var created = await Store.CreateAsync(Batch(2, invalid: [0, 1]), Ct);

        Assert.Equal(HubTestDatabase.Start, created.CompletedAt);
        Assert.Equal(HubTestDatabase.Start, (await BatchAsync(created.Id)).CompletedAt);
        Assert.False(await Store.AnyPendingAsync(Ct));
        Assert.Empty(await Store.NextPendingAsync(Now, 10, Ct));
    }

    [Fact]
    public async Task Items_are_paged_by_offset_and_limit()
    {
        var created = await Store.CreateAsync(Batch(10), Ct);

        var middle = await Store.FindAsync(TestTenants.AId, created.Id, 3, 4, Ct);
        var tail = await Store.FindAsync(TestTenants.AId, created.Id, 8, 5, Ct);
        var beyond = await Store.FindAsync(TestTenants.AId, created.Id, 10, 5, Ct);

        Assert.Equal([3, 4, 5, 6], middle!.Items.Select(i => i.Index));
        Assert.Equal([Code(3), Code(4), Code(5), Code(6)], middle.Items.Select(i => i.FiscalCode));
        Assert.Equal([8, 9], tail!.Items.Select(i => i.Index));
        Assert.Empty(beyond!.Items);
        Assert.Equal(10, beyond.Batch.Total);
    }

    [Fact]
    public async Task Pending_items_come_oldest_batch_first_then_by_index_with_their_batch_progress()
    {
        var older = await Store.CreateAsync(Batch(3), Ct);
        Db.Time.Advance(TimeSpan.FromSeconds(1));
        var newer = await Store.CreateAsync(Batch(2), Ct);
        await Store.SaveResultsAsync(older.Id, 0, AliveConfirmed, final: true, Ct);

        var all = await Store.NextPendingAsync(Now, 10, Ct);
        var first = await Store.NextPendingAsync(Now, 3, Ct);

        Assert.Equal([(older.Id, 1), (older.Id, 2), (newer.Id, 0), (newer.Id, 1)], all.Select(p => (p.Batch.Id, p.Item.Index)));
        Assert.Equal([(older.Id, 1), (older.Id, 2), (newer.Id, 0)], first.Select(p => (p.Batch.Id, p.Item.Index)));
        Assert.Equal(1, all[0].Batch.Verified);
        Assert.Equal(Code(2), all[1].Item.FiscalCode);
    }

    [Fact]
    public async Task Pending_items_carry_their_declared_identity()
    {
        var identity = new DeclaredIdentity { Surname = "ROSSI", GivenName = "MARIA", Sex = Sex.Female, BirthDate = new DateOnly(1980, 1, 1) };
        await Store.CreateAsync(
            new NewVerificationBatch(CallerA, [ResidentCheckKind.IdentityMatches], null, null, [new NewVerificationItem("RSSMRA80A41H501Y", identity), new NewVerificationItem("VRDLGI75B12F205X")]),
            Ct);

        var pending = await Store.NextPendingAsync(Now, 10, Ct);

        Assert.Equal(identity, pending[0].Identity);
        Assert.Null(pending[1].Identity);
    }

    [Fact]
    public async Task A_held_batch_is_skipped_until_its_hold_runs_out()
    {
        var held = await Store.CreateAsync(Batch(2), Ct);
        Db.Time.Advance(TimeSpan.FromSeconds(1));
        var other = await Store.CreateAsync(Batch(1), Ct);
        var until = Now.AddMinutes(10);

        await Store.HoldAsync(held.Id, until, "ANPR daily quota spent", Ct);

        Assert.Equal([other.Id], (await Store.NextPendingAsync(Now, 10, Ct)).Select(p => p.Batch.Id));
        Assert.True(await Store.AnyPendingAsync(Ct));
        var stored = await BatchAsync(held.Id);
        Assert.Equal((until, "ANPR daily quota spent"), (stored.HeldUntil, stored.HeldReason));

        Db.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal([held.Id, held.Id, other.Id], (await Store.NextPendingAsync(Now, 10, Ct)).Select(p => p.Batch.Id));
    }

    [Fact]
    public async Task Partial_results_are_kept_across_saves_until_the_final_one()
    {
        var created = await Store.CreateAsync(Batch(2), Ct);

        await Store.SaveResultsAsync(created.Id, 0, AliveConfirmed, final: false, Ct);

        var partial = await ItemAsync(created.Id, 0);
        Assert.Equal(VerificationItemStatus.Pending, partial.Status);
        Assert.Equal(AliveConfirmed, partial.Results);
        Assert.Equal(AliveConfirmed, (await Store.NextPendingAsync(Now, 1, Ct))[0].Item.Results);

        await Store.SaveResultsAsync(created.Id, 0, new Dictionary<ResidentCheckKind, VerificationOutcome> { [ResidentCheckKind.IdentityMatches] = VerificationOutcome.NotConfirmed }, final: true, Ct);

        var verified = await ItemAsync(created.Id, 0);
        Assert.Equal(VerificationItemStatus.Verified, verified.Status);
        Assert.Equal(
            new Dictionary<ResidentCheckKind, VerificationOutcome> { [ResidentCheckKind.Alive] = VerificationOutcome.Confirmed, [ResidentCheckKind.IdentityMatches] = VerificationOutcome.NotConfirmed },
            verified.Results);
        var batch = await BatchAsync(created.Id);
        Assert.Equal((1, 0, 1), (batch.Verified, batch.Failed, batch.Pending));
        Assert.Equal([1], (await Store.NextPendingAsync(Now, 10, Ct)).Select(p => p.Item.Index));
    }

    [Fact]
    public async Task A_failed_item_keeps_its_problem_and_counts_as_failed()
    {
        var created = await Store.CreateAsync(Batch(2), Ct);
        var problem = new VerificationProblem("resident_not_found", "ANPR has no resident with this fiscal code.");

        await Store.FailAsync(created.Id, 1, problem, Ct);

        var item = await ItemAsync(created.Id, 1);
        Assert.Equal(VerificationItemStatus.Failed, item.Status);
        Assert.Equal(problem, item.Problem);
        var batch = await BatchAsync(created.Id);
        Assert.Equal((0, 1, 1), (batch.Verified, batch.Failed, batch.Pending));
    }

    [Fact]
    public async Task A_finished_item_keeps_its_outcome_and_is_counted_once()
    {
        var created = await Store.CreateAsync(Batch(2), Ct);
        await Store.FailAsync(created.Id, 0, InvalidCode, Ct);

        await Store.SaveResultsAsync(created.Id, 0, AliveConfirmed, final: true, Ct);
        await Store.FailAsync(created.Id, 0, InvalidCode, Ct);

        var item = await ItemAsync(created.Id, 0);
        Assert.Equal(VerificationItemStatus.Failed, item.Status);
        Assert.Empty(item.Results);
        var batch = await BatchAsync(created.Id);
        Assert.Equal((0, 1, 1), (batch.Verified, batch.Failed, batch.Pending));
    }

    [Fact]
    public async Task Attempts_are_counted_per_item()
    {
        var created = await Store.CreateAsync(Batch(2), Ct);

        Assert.Equal(1, await Store.CountAttemptAsync(created.Id, 0, Ct));
        Assert.Equal(2, await Store.CountAttemptAsync(created.Id, 0, Ct));
        Assert.Equal(3, await Store.CountAttemptAsync(created.Id, 0, Ct));
        Assert.Equal(1, await Store.CountAttemptAsync(created.Id, 1, Ct));
    }

    [Fact]
    public async Task Changes_to_a_missing_item_or_batch_throw()
    {
        var created = await Store.CreateAsync(Batch(1), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CountAttemptAsync(created.Id, 1, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SaveResultsAsync(created.Id, 1, AliveConfirmed, final: true, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.FailAsync(Guid.CreateVersion7(), 0, InvalidCode, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.HoldAsync(Guid.CreateVersion7(), Now, "quota", Ct));
    }

    [Fact]
    public async Task Progress_is_exact_after_concurrent_completions_and_the_batch_completes()
    {
        var created = await Store.CreateAsync(Batch(20), Ct);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? Store.SaveResultsAsync(created.Id, i, AliveConfirmed, final: true, Ct)
            : Store.FailAsync(created.Id, i, InvalidCode, Ct)));

        var batch = await BatchAsync(created.Id);
        Assert.Equal((20, 10, 10, 0), (batch.Total, batch.Verified, batch.Failed, batch.Pending));
        Assert.Equal(HubTestDatabase.Start, batch.CompletedAt);
        Assert.False(await Store.AnyPendingAsync(Ct));
    }

    [Fact]
    public async Task A_batch_completes_exactly_when_its_last_pending_item_finishes()
    {
        var created = await Store.CreateAsync(Batch(3, invalid: 1), Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(1));
        await Store.SaveResultsAsync(created.Id, 0, AliveConfirmed, final: true, Ct);
        await Store.SaveResultsAsync(created.Id, 2, AliveConfirmed, final: false, Ct);

        Assert.Null((await BatchAsync(created.Id)).CompletedAt);
        Assert.True(await Store.AnyPendingAsync(Ct));

        Db.Time.Advance(TimeSpan.FromMinutes(1));
        await Store.SaveResultsAsync(created.Id, 2, AliveConfirmed, final: true, Ct);

        Assert.Equal(HubTestDatabase.Start.AddMinutes(2), (await BatchAsync(created.Id)).CompletedAt);
        Assert.False(await Store.AnyPendingAsync(Ct));
    }

    [Fact]
    public async Task Progress_after_a_hold_runs_out_clears_it_but_an_item_finishing_during_the_hold_does_not()
    {
        var created = await Store.CreateAsync(Batch(3), Ct);
        await Store.HoldAsync(created.Id, Now.AddMinutes(5), "ANPR unavailable", Ct);

        await Store.SaveResultsAsync(created.Id, 0, AliveConfirmed, final: true, Ct);
        Assert.Equal("ANPR unavailable", (await BatchAsync(created.Id)).HeldReason);

        Db.Time.Advance(TimeSpan.FromMinutes(5));
        await Store.FailAsync(created.Id, 1, InvalidCode, Ct);

        var batch = await BatchAsync(created.Id);
        Assert.Null(batch.HeldUntil);
        Assert.Null(batch.HeldReason);
    }

    [Fact]
    public async Task A_batch_of_ten_thousand_items_round_trips()
    {
        var created = await Store.CreateAsync(Batch(10_000), Ct);

        var last = await Store.FindAsync(TestTenants.AId, created.Id, 9_999, 10, Ct);
        Assert.Equal(10_000, last!.Batch.Total);
        Assert.Equal(10_000, last.Batch.Pending);
        var item = Assert.Single(last.Items);
        Assert.Equal((9_999, Code(9_999)), (item.Index, item.FiscalCode));

        await Store.SaveResultsAsync(created.Id, 9_999, AliveConfirmed, final: true, Ct);

        Assert.Equal([0, 1, 2, 3, 4], (await Store.NextPendingAsync(Now, 5, Ct)).Select(p => p.Item.Index));
        Assert.Equal((1, 9_999), ((await BatchAsync(created.Id)).Verified, (await BatchAsync(created.Id)).Pending));
    }
}
