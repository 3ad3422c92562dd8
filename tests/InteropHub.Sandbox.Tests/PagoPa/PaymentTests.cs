using System.Text.Json.Nodes;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>A citizen paying a notice through <c>POST /__sandbox/pagopa/pay</c> or <see cref="PagoPaSandbox.Pay"/>.</summary>
public sealed class PaymentTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<(int Status, System.Text.Json.JsonElement Body, HttpResponseMessage Response)> PayOverHttp(JsonObject body) =>
        _host.Send(HttpMethod.Post, new Uri(_host.Host.PagoPaUrl, "/__sandbox/pagopa/pay"), body, key: null);

    [Fact]
    public async Task Paying_a_notice_records_a_receipt_and_the_position_is_paid()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"), toPublish: true);

        var (status, receipt, _) = await PayOverHttp(new JsonObject
        {
            ["organizationFiscalCode"] = Org,
            ["noticeNumber"] = "301000000000000001",
            ["amount"] = 30000,
            ["pspId"] = "BCITITMM",
            ["fee"] = 150,
        });
        var (_, position, _) = await _host.Call(HttpMethod.Get, "debtpositions/IUPD-1");

        Assert.Equal((201, "PAID", "BCITITMM"), (status, Text(receipt, "positionStatus"), Text(receipt, "idPsp")));
        Assert.Equal("PAID", Text(position, "status"));
        var option = position.GetProperty("paymentOption")[0];
        Assert.Equal(("PO_PAID", Text(receipt, "receiptId"), "150"), (Text(option, "status"), Text(option, "idReceipt"), Text(option, "fee")));
        Assert.Empty(OpenApiSchemas.GpdV1.Violations(position, "PaymentPositionModelBaseResponse"));
    }

    [Fact]
    public async Task Paying_one_of_two_installments_leaves_the_position_partially_paid_then_paid()
    {
        var position = Position("IUPD-1", "01000000000000001");
        position["paymentOption"] = new JsonArray(
            Option("01000000000000001", 15000, partial: true, "2026-06-30T23:59:59"),
            Option("01000000000000002", 15000, partial: true, "2026-12-31T23:59:59"));
        await _host.Create(position, toPublish: true);

        var first = _host.PagoPa.Pay(new PagoPaPayment(Org, Iuv: "01000000000000001"));
        var (update, _, _) = await _host.Call(HttpMethod.Put, "debtpositions/IUPD-1", position);
        var second = _host.PagoPa.Pay(new PagoPaPayment(Org, NoticeNumber: "301000000000000002"));

        Assert.Equal((GpdPositionStatus.PartiallyPaid, GpdPositionStatus.Paid), (first.PositionStatus, second.PositionStatus));
        Assert.Equal(409, update);
        Assert.All(_host.PagoPa.Positions(Org)[0].Options, o => Assert.Equal(GpdOptionStatus.PoPaid, o.Status));
    }

    [Fact]
    public async Task A_draft_is_not_payable_and_a_paid_notice_cannot_be_paid_again()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"));
        var draft = Assert.Throws<GpdProblem>(() => _host.PagoPa.Pay(new PagoPaPayment(Org, "301000000000000001")));
        await _host.Call(HttpMethod.Post, "debtpositions/IUPD-1/publish");
        _host.PagoPa.Pay(new PagoPaPayment(Org, "301000000000000001"));

        var (again, problem, _) = await PayOverHttp(new JsonObject { ["organizationFiscalCode"] = Org, ["noticeNumber"] = "301000000000000001" });
        var (delete, _, _) = await _host.Call(HttpMethod.Delete, "debtpositions/IUPD-1");

        Assert.Equal((422, "Not in payable state"), (draft.Status, draft.Title));
        Assert.Equal((409, "Existing related payment found"), (again, Text(problem, "title")));
        Assert.Equal(409, delete);
    }

    [Fact]
    public async Task An_unknown_notice_answers_payment_option_not_found()
    {
        var (status, problem, _) = await PayOverHttp(new JsonObject { ["organizationFiscalCode"] = Org, ["noticeNumber"] = "399999999999999999" });

        Assert.Equal((404, "Not found the payment option"), (status, Text(problem, "title")));
    }
}
