using InteropHub.Adapters.PagoPa.Tests.TestSupport;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using static InteropHub.Adapters.PagoPa.Tests.TestSupport.GatewayHost;

namespace InteropHub.Adapters.PagoPa.Tests.Gpd;

/// <summary>The payment port against the pagoPA sandbox: create, read, update, invalidate, as GPD answers them.</summary>
public sealed class GpdPaymentGatewayTests : IDisposable
{
    private readonly GatewayHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Create_sends_a_valid_PaymentPositionModel_published_and_returns_a_valid_unpaid_snapshot()
    {
        var created = await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1), Cancellation);

        Assert.Equal(("IUPD-1", DebtPositionStatus.Valid), (created.Iupd, created.Status));
        Assert.Equal((Iuv.Create("01", 1), 30_000L, DebtOptionStatus.Unpaid), (created.Options[0].Iuv, created.Options[0].AmountCents, created.Options[0].Status));
        var call = Assert.Single(_host.Wire.Calls);
        Assert.Equal($"POST /gpd/debt-positions-service/v1/organizations/{Organization}/debtpositions?toPublish=true", call.ToString());
        Assert.Empty(OpenApiSchemas.GpdV1.Violations(call.Body!.Value, "PaymentPositionModel"));
    }

    [Fact]
    public async Task Get_returns_null_for_an_unknown_iupd() =>
        Assert.Null(await _host.Gateway.GetAsync(Tenant, "IUPD-NONE", Cancellation));

    [Fact]
    public async Task A_paid_installment_shows_in_the_snapshot_with_its_receipt()
    {
        await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1, 2), Cancellation);
        var paidAt = new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero);
        var receipt = _host.PagoPa.Pay(new PagoPaPayment(Organization, NoticeNumber.FromIuv(Iuv.Create("01", 1)).Value)
        {
            PspName = "Banca Sandbox",
            Fee = 150,
            ReceiptId = "rcpt-1",
            PaymentDateTime = paidAt,
        });

        var snapshot = await _host.Gateway.GetAsync(Tenant, "IUPD-1", Cancellation);

        Assert.Equal(DebtPositionStatus.PartiallyPaid, snapshot!.Status);
        var (paid, unpaid) = (snapshot.Options[0], snapshot.Options[1]);
        Assert.Equal((DebtOptionStatus.Paid, paidAt, receipt.ReceiptId, "Banca Sandbox", 150L), (paid.Status, paid.PaidAt, paid.ReceiptId, paid.PspCompany, paid.FeeCents));
        Assert.Equal((DebtOptionStatus.Unpaid, null), (unpaid.Status, unpaid.PaidAt));
    }

    [Fact]
    public async Task Update_replaces_the_position_and_publishes_it_again()
    {
        await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1), Cancellation);
        var changed = Position("IUPD-1", 1) with { CompanyName = "Comune di Bari - Tributi" };

        var updated = await _host.Gateway.UpdateAsync(Tenant, changed, Cancellation);

        Assert.Equal(DebtPositionStatus.Valid, updated.Status);
        var put = _host.Wire.Calls[^1];
        Assert.Equal($"PUT /gpd/debt-positions-service/v1/organizations/{Organization}/debtpositions/IUPD-1?toPublish=true", put.ToString());
        Assert.Empty(OpenApiSchemas.GpdV1.Violations(put.Body!.Value, "PaymentPositionModel"));
        Assert.Equal(GpdPositionStatus.Valid, Assert.Single(_host.PagoPa.Positions(Organization)).Status);
    }

    [Fact]
    public async Task Updating_a_paid_position_is_payment_not_modifiable()
    {
        await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1), Cancellation);
        _host.PagoPa.Pay(new PagoPaPayment(Organization, NoticeNumber.FromIuv(Iuv.Create("01", 1)).Value));

        var refused = await Assert.ThrowsAsync<HubProblemException>(() => _host.Gateway.UpdateAsync(Tenant, Position("IUPD-1", 1), Cancellation));

        Assert.Equal((409, ErrorCodes.PaymentNotModifiable), (refused.Status, refused.Code));
        Assert.Equal("Existing related payment found or not in updatable state", refused.Extensions["gpd_title"]);
    }

    [Fact]
    public async Task A_lost_update_answer_is_sent_once_more_and_the_position_is_updated_once()
    {
        await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1), Cancellation);
        _host.FaultOnce(r => r.Method == HttpMethod.Put, new PagoPaFaults(TimeSpan.Zero, 0, lostResponseRatio: 1));

        var updated = await _host.Gateway.UpdateAsync(Tenant, Position("IUPD-1", 1) with { CompanyName = "Comune di Bari - Tributi" }, Cancellation);

        Assert.Equal(DebtPositionStatus.Valid, updated.Status);
        Assert.Equal(2, _host.Wire.Summary.Count(c => c.StartsWith("PUT", StringComparison.Ordinal)));
        Assert.Single(_host.Stored());
    }

    [Fact]
    public async Task Invalidate_makes_it_invalid_and_a_second_invalidate_is_payment_not_modifiable()
    {
        await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1), Cancellation);

        var invalidated = await _host.Gateway.InvalidateAsync(Tenant, "IUPD-1", Cancellation);
        var again = await Assert.ThrowsAsync<HubProblemException>(() => _host.Gateway.InvalidateAsync(Tenant, "IUPD-1", Cancellation));

        Assert.Equal(DebtPositionStatus.Invalid, invalidated.Status);
        Assert.Equal((409, ErrorCodes.PaymentNotModifiable), (again.Status, again.Code));
        Assert.Equal("Existing related payment found or not in invalidable state", again.Extensions["gpd_title"]);
    }

    [Fact]
    public async Task A_lost_invalidate_answer_is_resolved_by_reading_the_invalid_position_without_resending()
    {
        await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1), Cancellation);
        _host.FaultOnce(r => r.RequestUri!.AbsolutePath.EndsWith("/invalidate", StringComparison.Ordinal), new PagoPaFaults(TimeSpan.Zero, 0, 1, LostResponseKind.ConnectionDrop));

        var invalidated = await _host.Gateway.InvalidateAsync(Tenant, "IUPD-1", Cancellation);

        Assert.Equal(DebtPositionStatus.Invalid, invalidated.Status);
        Assert.Equal(["POST v1/debtpositions?toPublish=true", "POST v1/debtpositions/IUPD-1/invalidate", "GET v1/debtpositions/IUPD-1"], _host.Wire.Summary);
    }

    [Fact]
    public async Task Update_or_invalidate_of_an_unknown_position_is_upstream_rejected()
    {
        var update = await Assert.ThrowsAsync<HubProblemException>(() => _host.Gateway.UpdateAsync(Tenant, Position("IUPD-NONE", 1), Cancellation));
        var invalidate = await Assert.ThrowsAsync<HubProblemException>(() => _host.Gateway.InvalidateAsync(Tenant, "IUPD-NONE", Cancellation));

        Assert.All([update, invalidate], refused =>
        {
            Assert.Equal((502, ErrorCodes.UpstreamRejected), (refused.Status, refused.Code));
            Assert.Contains("pagoPA has no such position", refused.Message, StringComparison.Ordinal);
            Assert.Equal("Not found the debt position", refused.Extensions["gpd_title"]);
        });
    }

    [Fact]
    public async Task An_upstream_that_keeps_failing_an_update_is_a_503_after_one_resend()
    {
        await _host.Gateway.CreateAsync(Tenant, Position("IUPD-1", 1), Cancellation);
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 1);

        var failed = await Assert.ThrowsAsync<HubProblemException>(() => _host.Gateway.UpdateAsync(Tenant, Position("IUPD-1", 1), Cancellation));

        Assert.Equal((503, ErrorCodes.UpstreamUnavailable), (failed.Status, failed.Code));
        Assert.Equal(2, _host.Wire.Summary.Count(c => c.StartsWith("PUT", StringComparison.Ordinal)));
    }
}
