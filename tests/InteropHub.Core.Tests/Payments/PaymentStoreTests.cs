using InteropHub.Contracts.Payments;
using InteropHub.Core.Payments;
using Microsoft.EntityFrameworkCore;
using static InteropHub.Core.Tests.Payments.TestPayments;

namespace InteropHub.Core.Tests.Payments;

public class PaymentStoreTests : HubDatabaseTest
{
    private IPaymentStore Store => Db.Get<IPaymentStore>();

    [Fact]
    public async Task An_added_payment_is_pending_and_found_as_it_was_given()
    {
        var given = New(TestTenants.AId, "iupd-1", installments: 2);

        var (added, isNew) = await Store.AddPendingAsync(given, Ct);
        var found = await Store.FindAsync(TestTenants.AId, added.Id, Ct);

        Assert.True(isNew);
        Assert.NotNull(found);
        Assert.Equal(PaymentStatus.Pending, found.Status);
        Assert.Equal(("iupd-1", "hash-of-iupd-1", "TARI 2026", "ref-iupd-1", "9/0101108TS/"), (found.Iupd, found.RequestHash, found.Description, found.Reference, found.TaxonomyCode));
        Assert.Equal(given.Debtor, found.Debtor);
        Assert.Equal(PaymentExpiryPolicy.ExpireAtDue, found.ExpiryPolicy);
        Assert.Equal((HubTestDatabase.Start, HubTestDatabase.Start, (DateTimeOffset?)null, 1L), (found.CreatedAt, found.UpdatedAt, found.SyncedAt, found.Version));
        Assert.Equal(20_001, found.AmountCents);
        Assert.Equal(given.Options.Select(o => (o.NoticeNumber, o.AmountCents, o.DueDate)), found.Options.Select(o => (o.NoticeNumber, o.AmountCents, o.DueDate)));
        Assert.Equal(given.Options[1].Transfers, found.Options[1].Transfers);
        Assert.All(found.Options, o => Assert.Equal(DebtOptionStatus.Unpaid, o.Status));
        AssertSame(added, found);
    }

    [Fact]
    public async Task Adding_the_same_iupd_again_returns_the_stored_payment_untouched()
    {
        var (first, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-1"), Ct);

        var (second, added) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-1") with { Description = "another" }, Ct);

        Assert.False(added);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("TARI 2026", second.Description);
        Assert.Equal(1L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "Payments" """));
    }

    [Fact]
    public async Task Of_twenty_concurrent_adds_of_one_iupd_one_is_stored_and_all_return_it()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => Store.AddPendingAsync(New(TestTenants.AId, "iupd-race"), Ct), Ct)));

        Assert.Single(results, r => r.Added);
        Assert.Single(results.Select(r => r.Payment.Id).Distinct());
        Assert.Equal(1L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "Payments" """));
        Assert.Equal(1L, await Db.ScalarAsync("""SELECT COUNT(*) FROM "PaymentOptions" """));
    }

    [Fact]
    public async Task The_same_iupd_in_another_tenant_is_another_payment()
    {
        var (a, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-1"), Ct);
        var (b, added) = await Store.AddPendingAsync(New(TestTenants.BId, "iupd-1"), Ct);

        Assert.True(added);
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public async Task A_notice_number_already_used_by_another_payment_is_an_error_not_a_duplicate()
    {
        var (first, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-1"), Ct);
        var clash = New(TestTenants.AId, "iupd-2") with { Options = [Option(500, new DateOnly(2026, 5, 1)) with { NoticeNumber = first.Options[0].NoticeNumber }] };

        await Assert.ThrowsAsync<DbUpdateException>(() => Store.AddPendingAsync(clash, Ct));
        Assert.Null(await Store.FindByIupdAsync(TestTenants.AId, "iupd-2", Ct));
    }

    [Fact]
    public async Task Another_tenant_finds_nothing_by_id_by_iupd_or_in_its_list()
    {
        var (payment, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-1"), Ct);

        Assert.Null(await Store.FindAsync(TestTenants.BId, payment.Id, Ct));
        Assert.Null(await Store.FindByIupdAsync(TestTenants.BId, "iupd-1", Ct));
        Assert.Equal(0, (await Store.ListAsync(TestTenants.BId, new PaymentListQuery(), Ct)).Total);
        Assert.Equal(payment.Id, (await Store.FindByIupdAsync(TestTenants.AId, "iupd-1", Ct))?.Id);
    }

    [Fact]
    public async Task The_list_is_newest_first_in_one_based_pages_with_the_total()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Store.AddPendingAsync(New(TestTenants.AId, $"iupd-{i}"), Ct);
            Db.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await Store.ListAsync(TestTenants.AId, new PaymentListQuery { PageSize = 2 }, Ct);
        var third = await Store.ListAsync(TestTenants.AId, new PaymentListQuery { Page = 3, PageSize = 2 }, Ct);

        Assert.Equal(5, first.Total);
        Assert.Equal(["iupd-5", "iupd-4"], first.Items.Select(p => p.Iupd));
        Assert.Equal(["iupd-1"], third.Items.Select(p => p.Iupd));
        Assert.Single(third.Items[0].Options);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_exact_debtor_fiscal_code()
    {
        var (payable, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-payable"), Ct);
        await Store.AddPendingAsync(New(TestTenants.AId, "iupd-pending"), Ct);
        await Store.AddPendingAsync(New(TestTenants.AId, "iupd-other-debtor", fiscalCode: "VRDLGI75B12F205X"), Ct);
        await Store.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(payable.Id, Position(payable, DebtPositionStatus.Valid), null)], Ct);

        var byStatus = await Store.ListAsync(TestTenants.AId, new PaymentListQuery { Status = PaymentStatus.Payable }, Ct);
        var byDebtor = await Store.ListAsync(TestTenants.AId, new PaymentListQuery { DebtorFiscalCode = "VRDLGI75B12F205X" }, Ct);
        var both = await Store.ListAsync(TestTenants.AId, new PaymentListQuery { Status = PaymentStatus.Pending, DebtorFiscalCode = FiscalCode }, Ct);

        Assert.Equal(["iupd-payable"], byStatus.Items.Select(p => p.Iupd));
        Assert.Equal(["iupd-other-debtor"], byDebtor.Items.Select(p => p.Iupd));
        Assert.Equal((1, "iupd-pending"), (both.Total, both.Items.Single().Iupd));
        Assert.Equal(0, (await Store.ListAsync(TestTenants.AId, new PaymentListQuery { DebtorFiscalCode = "VRDLGI75B12F205" }, Ct)).Total);
    }

    [Fact]
    public async Task The_list_keeps_payments_with_any_notice_due_inside_the_bounds()
    {
        // A plan due Jan 31, Feb 28, Mar 31; a single payment due Jun 15.
        await Store.AddPendingAsync(New(TestTenants.AId, "iupd-plan", installments: 3, firstDue: new DateOnly(2026, 1, 31)), Ct);
        await Store.AddPendingAsync(New(TestTenants.AId, "iupd-june", firstDue: new DateOnly(2026, 6, 15)), Ct);

        async Task<string[]> Due(DateOnly? from, DateOnly? to) =>
            [.. (await Store.ListAsync(TestTenants.AId, new PaymentListQuery { DueFrom = from, DueTo = to }, Ct)).Items.Select(p => p.Iupd).Order()];

        Assert.Equal(["iupd-plan"], await Due(new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 31)));
        Assert.Equal(["iupd-plan"], await Due(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)));
        Assert.Empty(await Due(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 14)));
        Assert.Equal(["iupd-june"], await Due(new DateOnly(2026, 4, 1), null));
        Assert.Equal(["iupd-june", "iupd-plan"], await Due(null, new DateOnly(2026, 6, 15)));
        var paged = await Store.ListAsync(TestTenants.AId, new PaymentListQuery { DueFrom = new DateOnly(2026, 1, 1), DueTo = new DateOnly(2026, 12, 31), PageSize = 1 }, Ct);
        Assert.Equal(2, paged.Total);
        Assert.Single(paged.Items);
    }

    [Fact]
    public async Task A_revision_at_the_current_version_replaces_description_amounts_due_dates_and_transfers()
    {
        var (payment, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-1"), Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(5));
        var option = payment.Options[0];
        var transfers = new[] { new PaymentTransfer { Index = 1, AmountCents = 7_000, Iban = TenantIban }, new PaymentTransfer { Index = 2, AmountCents = 5_000, Iban = TenantIban, BeneficiaryFiscalCode = "01199250158", RemittanceInformation = "Quota" } };
        var revision = new PaymentRevision
        {
            Description = "TARI 2026 (rettifica)",
            Options = [new NewPaymentOption { NoticeNumber = option.NoticeNumber, AmountCents = 12_000, DueDate = new DateOnly(2026, 7, 31), Transfers = transfers }],
        };

        var revised = await Store.ReviseAsync(TestTenants.AId, payment.Id, payment.Version, revision, Ct);
        var found = await Store.FindAsync(TestTenants.AId, payment.Id, Ct);

        Assert.NotNull(revised);
        Assert.NotNull(found);
        AssertSame(revised, found);
        Assert.Equal(("TARI 2026 (rettifica)", 2L, HubTestDatabase.Start.AddMinutes(5)), (found.Description, found.Version, found.UpdatedAt));
        Assert.Equal((12_000L, new DateOnly(2026, 7, 31)), (found.Options[0].AmountCents, found.Options[0].DueDate));
        Assert.Equal(transfers, found.Options[0].Transfers);
    }

    [Fact]
    public async Task A_revision_at_a_stale_version_changes_nothing_and_returns_null()
    {
        var (payment, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-1"), Ct);
        var revision = new PaymentRevision { Description = "first", Options = [Option(1, new DateOnly(2026, 9, 1)) with { NoticeNumber = payment.Options[0].NoticeNumber }] };
        Assert.NotNull(await Store.ReviseAsync(TestTenants.AId, payment.Id, payment.Version, revision, Ct));

        var stale = await Store.ReviseAsync(TestTenants.AId, payment.Id, payment.Version, revision with { Description = "second" }, Ct);

        Assert.Null(stale);
        Assert.Equal("first", (await Store.FindAsync(TestTenants.AId, payment.Id, Ct))!.Description);
        Assert.Null(await Store.ReviseAsync(TestTenants.BId, payment.Id, 2, revision, Ct));
    }

    [Fact]
    public async Task A_revision_cannot_change_the_notices()
    {
        var (payment, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-1"), Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReviseAsync(
            TestTenants.AId, payment.Id, payment.Version, new PaymentRevision { Description = "x", Options = [Option(1, new DateOnly(2026, 9, 1))] }, Ct));
    }

    [Fact]
    public async Task Pending_creations_are_the_untouched_pending_single_payments_oldest_first()
    {
        var (old, _) = await Store.AddPendingAsync(New(TestTenants.BId, "iupd-old"), Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(1));
        var (newer, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-newer"), Ct);
        var (created, _) = await Store.AddPendingAsync(New(TestTenants.AId, "iupd-created"), Ct);
        await Store.RecordOutcomesAsync(TestTenants.AId, [new PaymentOutcome(created.Id, Position(created, DebtPositionStatus.Valid), null)], Ct);
        await Store.AddPendingAsync(New(TestTenants.AId, "iupd-in-batch") with { BatchId = Guid.CreateVersion7(), BatchIndex = 0 }, Ct);
        Db.Time.Advance(TimeSpan.FromMinutes(1));
        await Store.AddPendingAsync(New(TestTenants.AId, "iupd-fresh"), Ct);

        var due = await Store.PendingCreationsAsync(Db.Time.GetUtcNow(), 10, Ct);
        var limited = await Store.PendingCreationsAsync(Db.Time.GetUtcNow(), 1, Ct);

        Assert.Equal([old.Id, newer.Id], due.Select(p => p.Id));
        Assert.Equal([old.Id], limited.Select(p => p.Id));
    }
}
