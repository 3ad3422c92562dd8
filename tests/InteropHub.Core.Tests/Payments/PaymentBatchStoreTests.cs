using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Payments;
using static InteropHub.Core.Tests.Payments.TestPayments;

namespace InteropHub.Core.Tests.Payments;

public class PaymentBatchStoreTests : HubDatabaseTest
{
    private static readonly PaymentRefusal Refused = new("position-refused", "Bad Request", "The taxonomy code is unknown.");

    private IPaymentBatchStore Batches => Db.Get<IPaymentBatchStore>();

    private IPaymentStore Payments => Db.Get<IPaymentStore>();

    private static NewPayment Item(TenantId tenant, Guid batchId, int index) =>
        New(tenant, $"iupd-{batchId:N}-{index}") with { BatchId = batchId, BatchIndex = index };

    private static PaymentBatchItemError Invalid(int index) =>
        new(index, new Dictionary<string, string[]> { ["debtor.fiscalCode"] = ["Not a valid fiscal code."] });

    /// <summary>Opens a batch and appends items 0..count-1, the ones in <paramref name="invalid"/> as validation errors.</summary>
    private async Task<Guid> ReceiveAsync(TenantId tenant, int count, int[] invalid, bool seal = true)
    {
        var id = Guid.CreateVersion7();
        await Batches.OpenAsync(tenant, id, Ct);
        await Batches.AppendAsync(
            tenant,
            id,
            Enumerable.Range(0, count).Where(i => !invalid.Contains(i)).Select(i => Item(tenant, id, i)).ToList(),
            invalid.Select(Invalid).ToList(),
            Ct);
        if (seal)
        {
            await Batches.SealAsync(tenant, id, count, "batch-hash", Ct);
        }

        return id;
    }

    private async Task<PaymentBatch> BatchAsync(Guid id) => (await Batches.FindAsync(TestTenants.AId, id, 0, 1, Ct))!.Batch;

    [Fact]
    public async Task A_new_batch_is_receiving_and_empty()
    {
        var id = Guid.CreateVersion7();

        var batch = await Batches.OpenAsync(TestTenants.AId, id, Ct);

        Assert.Equal(
            (id, TestTenants.AId, (string?)null, PaymentBatchStatus.Receiving, 0, 0, 0, 0, 0, HubTestDatabase.Start, (DateTimeOffset?)null, (DateTimeOffset?)null),
            (batch.Id, batch.Tenant, batch.RequestHash, batch.Status, batch.Received, batch.Invalid, batch.Pending, batch.Created, batch.Failed, batch.CreatedAt, batch.SealedAt, batch.CompletedAt));
    }

    [Fact]
    public async Task Appended_chunks_are_pending_payments_of_the_batch_and_item_errors_counted_once_sealed()
    {
        var id = Guid.CreateVersion7();
        await Batches.OpenAsync(TestTenants.AId, id, Ct);
        await Batches.AppendAsync(TestTenants.AId, id, [Item(TestTenants.AId, id, 0), Item(TestTenants.AId, id, 2)], [Invalid(1)], Ct);
        await Batches.AppendAsync(TestTenants.AId, id, [Item(TestTenants.AId, id, 3)], [Invalid(4)], Ct);
        var receiving = await BatchAsync(id);
        Db.Time.Advance(TimeSpan.FromSeconds(3));

        var sealedBatch = await Batches.SealAsync(TestTenants.AId, id, 5, "batch-hash", Ct);

        Assert.Equal((PaymentBatchStatus.Receiving, 0, 2, 3), (receiving.Status, receiving.Received, receiving.Invalid, receiving.Pending));
        Assert.Equal(
            (PaymentBatchStatus.InProgress, 5, 2, 3, 0, 0, (DateTimeOffset?)Db.Time.GetUtcNow(), (DateTimeOffset?)null),
            (sealedBatch.Status, sealedBatch.Received, sealedBatch.Invalid, sealedBatch.Pending, sealedBatch.Created, sealedBatch.Failed, sealedBatch.SealedAt, sealedBatch.CompletedAt));
        var item = await Payments.FindByIupdAsync(TestTenants.AId, $"iupd-{id:N}-2", Ct);
        AssertSame(
            (await Payments.FindAsync(TestTenants.AId, item!.Id, Ct))!,
            item);
        Assert.Equal((PaymentStatus.Pending, (Guid?)id, (int?)2, 1L), (item.Status, item.BatchId, item.BatchIndex, item.Version));
        Assert.Equal(Item(TestTenants.AId, id, 2).Debtor, item.Debtor);
        Assert.Equal(Item(TestTenants.AId, id, 2).Options[0].Transfers, item.Options[0].Transfers);
    }

    [Fact]
    public async Task Counts_follow_the_payments_and_the_batch_completes_when_none_is_pending()
    {
        var id = await ReceiveAsync(TestTenants.AId, 4, invalid: [3]);
        var pushed = await Batches.NextToPushAsync(10, [], Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(1));
        await Payments.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(pushed[0].Id, Position(pushed[0], DebtPositionStatus.Valid), null), new PaymentOutcome(pushed[1].Id, null, Refused)], Ct);
        var halfway = await BatchAsync(id);
        Db.Time.Advance(TimeSpan.FromMinutes(1));

        await Payments.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(pushed[2].Id, Position(pushed[2], DebtPositionStatus.Valid), null)], Ct);
        var done = await BatchAsync(id);

        Assert.Equal((PaymentBatchStatus.InProgress, 1, 1, 1, 1, (DateTimeOffset?)null), (halfway.Status, halfway.Invalid, halfway.Pending, halfway.Created, halfway.Failed, halfway.CompletedAt));
        Assert.Equal((PaymentBatchStatus.Completed, 4, 1, 0, 2, 1, (DateTimeOffset?)Db.Time.GetUtcNow()), (done.Status, done.Received, done.Invalid, done.Pending, done.Created, done.Failed, done.CompletedAt));
        Assert.False(await Batches.AnyToPushAsync(Ct));
    }

    [Fact]
    public async Task A_batch_of_only_invalid_items_is_completed_when_sealed()
    {
        var id = await ReceiveAsync(TestTenants.AId, 2, invalid: [0, 1]);

        var batch = await BatchAsync(id);

        Assert.Equal((PaymentBatchStatus.Completed, 2, 0, (DateTimeOffset?)HubTestDatabase.Start), (batch.Status, batch.Invalid, batch.Pending, batch.CompletedAt));
    }

    [Fact]
    public async Task Reopening_a_receiving_batch_empties_it_for_the_retry()
    {
        var id = await ReceiveAsync(TestTenants.AId, 3, invalid: [1], seal: false);

        var reopened = await Batches.OpenAsync(TestTenants.AId, id, Ct);
        await Batches.AppendAsync(TestTenants.AId, id, [Item(TestTenants.AId, id, 0)], [], Ct);

        Assert.Equal((PaymentBatchStatus.Receiving, (string?)null, 0, 0), (reopened.Status, reopened.RequestHash, reopened.Invalid, reopened.Pending));
        Assert.Equal((0, 1), ((await BatchAsync(id)).Invalid, (await BatchAsync(id)).Pending));
        Assert.Equal(1L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "Payments" """));
        Assert.Equal(1L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "PaymentOptions" """));
    }

    [Fact]
    public async Task Discarding_a_receiving_batch_deletes_it_with_its_payments_and_errors_but_a_sealed_one_stays()
    {
        var receiving = await ReceiveAsync(TestTenants.AId, 3, invalid: [1], seal: false);
        var sealedId = await ReceiveAsync(TestTenants.AId, 2, invalid: []);

        await Batches.DiscardAsync(TestTenants.AId, receiving, Ct);
        await Batches.DiscardAsync(TestTenants.AId, sealedId, Ct);
        await Batches.DiscardAsync(TestTenants.BId, sealedId, Ct);

        Assert.Null(await Batches.FindAsync(TestTenants.AId, receiving, 0, 10, Ct));
        Assert.Equal(2, (await BatchAsync(sealedId)).Pending);
        Assert.Equal(2L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "Payments" """));
        Assert.Equal(0L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "PaymentBatchErrors" """));
    }

    [Fact]
    public async Task Reopening_a_sealed_batch_returns_it_untouched()
    {
        var id = await ReceiveAsync(TestTenants.AId, 3, invalid: [1]);
        var before = await BatchAsync(id);

        var reopened = await Batches.OpenAsync(TestTenants.AId, id, Ct);

        Assert.Equal(before, reopened);
        Assert.Equal(("batch-hash", 3, 1, 2), (reopened.RequestHash, reopened.Received, reopened.Invalid, reopened.Pending));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Batches.AppendAsync(TestTenants.AId, id, [Item(TestTenants.AId, id, 3)], [], Ct));
    }

    [Fact]
    public async Task Another_tenant_neither_finds_nor_opens_nor_appends_to_a_batch()
    {
        var id = await ReceiveAsync(TestTenants.AId, 1, invalid: [], seal: false);

        Assert.Null(await Batches.FindAsync(TestTenants.BId, id, 0, 10, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Batches.OpenAsync(TestTenants.BId, id, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Batches.AppendAsync(TestTenants.BId, id, [Item(TestTenants.BId, id, 1)], [], Ct));
        Assert.Equal(1, (await BatchAsync(id)).Pending);
    }

    [Fact]
    public async Task An_item_whose_iupd_the_tenant_already_has_becomes_an_item_error()
    {
        var id = Guid.CreateVersion7();
        await Payments.AddPendingAsync(New(TestTenants.AId, "iupd-taken"), Ct);
        await Batches.OpenAsync(TestTenants.AId, id, Ct);

        await Batches.AppendAsync(TestTenants.AId, id, [Item(TestTenants.AId, id, 0), New(TestTenants.AId, "iupd-taken") with { BatchId = id, BatchIndex = 1 }], [], Ct);
        var page = (await Batches.FindAsync(TestTenants.AId, id, 0, 10, Ct))!;

        Assert.Equal((1, 1), (page.Batch.Pending, page.Batch.Invalid));
        var error = Assert.Single(page.Errors);
        Assert.Equal(1, error.Index);
        Assert.Equal(["iupd"], error.Errors!.Keys);
        Assert.Null((await Payments.FindByIupdAsync(TestTenants.AId, "iupd-taken", Ct))!.BatchId);
    }

    [Fact]
    public async Task The_errors_page_mixes_validation_errors_and_refusals_by_item_index()
    {
        var id = await ReceiveAsync(TestTenants.AId, 6, invalid: [1, 4]);
        var pushed = await Batches.NextToPushAsync(10, [], Ct);
        var refusedIndexes = new[] { 0, 3 };
        await Payments.RecordOutcomesAsync(
            TestTenants.AId,
            pushed.Select(p => refusedIndexes.Contains(p.BatchIndex!.Value) ? new PaymentOutcome(p.Id, null, Refused) : new PaymentOutcome(p.Id, Position(p, DebtPositionStatus.Valid), null)).ToList(),
            Ct);

        var all = (await Batches.FindAsync(TestTenants.AId, id, 0, 10, Ct))!;
        var second = (await Batches.FindAsync(TestTenants.AId, id, 1, 2, Ct))!;

        Assert.Equal(4, all.TotalErrors);
        Assert.Equal([0, 1, 3, 4], all.Errors.Select(e => e.Index));
        Assert.Equal([1, 3], second.Errors.Select(e => e.Index));
        Assert.Equal(4, second.TotalErrors);
        var refused = all.Errors[0];
        Assert.Equal((pushed.Single(p => p.BatchIndex == 0).Id, Refused), (refused.PaymentId!.Value, refused.Refusal));
        Assert.Null(refused.Errors);
        var invalid = all.Errors[1];
        Assert.Equal(((Guid?)null, (PaymentRefusal?)null), (invalid.PaymentId, invalid.Refusal));
        Assert.Equal(["Not a valid fiscal code."], invalid.Errors!["debtor.fiscalCode"]);
    }

    [Fact]
    public async Task Next_to_push_takes_the_pending_payments_of_the_oldest_sealed_batch_in_item_order()
    {
        var older = await ReceiveAsync(TestTenants.BId, 3, invalid: [1]);
        Db.Time.Advance(TimeSpan.FromSeconds(1));
        var receiving = await ReceiveAsync(TestTenants.AId, 2, invalid: [], seal: false);
        var newer = await ReceiveAsync(TestTenants.AId, 3, invalid: []);
        Assert.NotEqual(receiving, newer);

        var first = await Batches.NextToPushAsync(10, [], Ct);
        var limited = await Batches.NextToPushAsync(1, [], Ct);
        await Payments.RecordOutcomesAsync(TestTenants.BId, first.Select(p => new PaymentOutcome(p.Id, null, Refused)).ToList(), Ct);
        var then = await Batches.NextToPushAsync(10, [], Ct);
        await Payments.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(then[1].Id, null, Refused)], Ct);
        var rest = await Batches.NextToPushAsync(10, [], Ct);

        Assert.Equal([(older, 0), (older, 2)], first.Select(p => (p.BatchId!.Value, p.BatchIndex!.Value)));
        Assert.All(first, p => Assert.Equal(TestTenants.BId, p.Tenant));
        Assert.Equal([0], limited.Select(p => p.BatchIndex!.Value));
        Assert.Equal([(newer, 0), (newer, 1), (newer, 2)], then.Select(p => (p.BatchId!.Value, p.BatchIndex!.Value)));
        Assert.Equal([0, 2], rest.Select(p => p.BatchIndex!.Value));
        Assert.True(await Batches.AnyToPushAsync(Ct));
    }

    [Fact]
    public async Task Next_to_push_leaves_out_the_tenants_it_is_told_to_skip()
    {
        var older = await ReceiveAsync(TestTenants.BId, 2, invalid: []);
        Db.Time.Advance(TimeSpan.FromSeconds(1));
        var newer = await ReceiveAsync(TestTenants.AId, 2, invalid: []);

        var withoutB = await Batches.NextToPushAsync(10, [TestTenants.BId], Ct);
        var withoutEither = await Batches.NextToPushAsync(10, [TestTenants.AId, TestTenants.BId], Ct);

        Assert.Equal([newer, newer], withoutB.Select(p => p.BatchId!.Value));
        Assert.Empty(withoutEither);
        Assert.All(await Batches.NextToPushAsync(10, [], Ct), p => Assert.Equal(older, p.BatchId));
    }

    [Fact]
    public async Task Nothing_is_pushed_before_a_batch_is_sealed()
    {
        var id = await ReceiveAsync(TestTenants.AId, 2, invalid: [], seal: false);

        Assert.Empty(await Batches.NextToPushAsync(10, [], Ct));
        Assert.False(await Batches.AnyToPushAsync(Ct));
        await Batches.SealAsync(TestTenants.AId, id, 2, "batch-hash", Ct);
        Assert.True(await Batches.AnyToPushAsync(Ct));
    }

    [Fact]
    public async Task Batch_payments_are_not_single_pending_creations()
    {
        await ReceiveAsync(TestTenants.AId, 2, invalid: []);
        Db.Time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await Payments.PendingCreationsAsync(Db.Time.GetUtcNow(), 10, Ct));
    }
}
