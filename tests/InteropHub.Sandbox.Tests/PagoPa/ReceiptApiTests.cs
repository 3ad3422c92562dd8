using System.Xml.Linq;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>
/// Biz-Events and GPD receipts made from the receipts stored at payment, and GPD's paid-positions list; every answer
/// in the shape biz_events.json and gpd_payments.json declare for its status, with the X-Request-Id both declare.
/// </summary>
public sealed class ReceiptApiTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    private static void HasRequestId(HttpResponseMessage response) =>
        Assert.False(string.IsNullOrEmpty(response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.First() : null), "X-Request-Id is missing");

    private Uri BizEvents(string relative) => new($"{_host.PagoPa.BizEventsUrl}/organizations/{Org}/receipts/{relative}");

    private Uri GpdReceipts(string relative) => new($"{_host.PagoPa.GpdReceiptsUrl}/payments/{Org}/receipts{relative}");

    [Fact]
    public async Task Biz_events_answers_a_paid_notice_by_iur_and_by_iur_and_iuv()
    {
        await _host.PaidNotice(1, "BCITITMM");

        var (byIur, receipt, first) = await _host.Send(HttpMethod.Get, BizEvents("IUR-1"));
        var (byBoth, same, second) = await _host.Send(HttpMethod.Get, BizEvents("IUR-1/paymentoptions/01000000000000001"));

        Assert.Equal((200, 200), (byIur, byBoth));
        Assert.Equal(receipt.GetRawText(), same.GetRawText());
        Assert.All(new[] { first, second }, HasRequestId);
        Assert.Equal(("301000000000000001", "01000000000000001", "300.00", "BCITITMM"), (Text(receipt, "noticeNumber"), Text(receipt, "creditorReferenceId"), receipt.GetProperty("paymentAmount").GetRawText(), Text(receipt, "idPSP")));
        Assert.Equal("100.00", receipt.GetProperty("transferList")[0].GetProperty("transferAmount").GetRawText());
        // TransferPA requires both iban and mbdAttachment although ctReceiptV2 makes them a choice: only the IBAN is sent.
        Assert.Equal(
            ["$.transferList[0]: required member 'mbdAttachment' is missing", "$.transferList[1]: required member 'mbdAttachment' is missing"],
            OpenApiSchemas.BizEvents.Violations(receipt, "CtReceiptModelResponse"));
    }

    [Fact]
    public async Task Biz_events_answers_404_for_an_unknown_receipt_or_a_wrong_iuv()
    {
        await _host.PaidNotice(1);

        var (unknown, problem, response) = await _host.Send(HttpMethod.Get, BizEvents("IUR-9"));
        var (wrongIuv, wrongProblem, _) = await _host.Send(HttpMethod.Get, BizEvents("IUR-1/paymentoptions/01000000000000009"));

        Assert.Equal((404, 404), (unknown, wrongIuv));
        Assert.Empty(OpenApiSchemas.BizEvents.Violations(problem, "ProblemJson"));
        Assert.Empty(OpenApiSchemas.BizEvents.Violations(wrongProblem, "ProblemJson"));
        HasRequestId(response);
    }

    [Fact]
    public async Task Gpd_receipts_lists_paid_notices_by_day_and_pages_up_to_100()
    {
        await _host.PaidNotice(1);
        await _host.PaidNotice(2);

        var (status, list, listed) = await _host.Send(HttpMethod.Get, GpdReceipts("?pageNum=0&pageSize=1&from=2026-03-02&to=2026-03-02"));
        var (before, empty, _) = await _host.Send(HttpMethod.Get, GpdReceipts("?from=2026-02-01&to=2026-03-01"));
        var (tooBig, refusal, refused) = await _host.Send(HttpMethod.Get, GpdReceipts("?pageSize=101"));

        Assert.Equal((200, "1", "2"), (status, Text(list, "length"), Text(list, "totalPages")));
        Assert.Equal(("01000000000000001", "RSSMRA80A01H501U"), (Text(list.GetProperty("results")[0], "iuv"), Text(list.GetProperty("results")[0], "debtor")));
        // The spec declares results as bare objects, so the checker flags each of their members: only those may differ.
        Assert.DoesNotContain(OpenApiSchemas.GpdPayments.Violations(list, "PaymentsResult"), v => !v.StartsWith("$.results[0]: member '", StringComparison.Ordinal));
        Assert.Equal((200, 0), (before, empty.GetProperty("results").GetArrayLength()));
        Assert.Equal(400, tooBig);
        Assert.Empty(OpenApiSchemas.GpdPayments.Violations(refusal, "ProblemJson"));
        Assert.All(new[] { listed, refused }, HasRequestId);
    }

    [Fact]
    public async Task Gpd_receipts_gives_a_paid_notice_as_a_paSendRTV2_document_and_404_otherwise()
    {
        await _host.PaidNotice(1);

        var response = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, GpdReceipts("/01000000000000001")) { Headers = { { "Ocp-Apim-Subscription-Key", Key } } }, Cancellation);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var (unknown, problem, notFound) = await _host.Send(HttpMethod.Get, GpdReceipts("/01000000000000009"));

        XNamespace paForNode = "http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd";
        var receipt = document.Element(paForNode + "paSendRTV2Request")!.Element("receipt")!;
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("IUR-1", "300.00", 2), ((string?)receipt.Element("receiptId"), (string?)receipt.Element("paymentAmount"), receipt.Element("transferList")!.Elements("transfer").Count()));
        Assert.Equal((404, "Not found the receipt"), (unknown, Text(problem, "title")));
        Assert.Empty(OpenApiSchemas.GpdPayments.Violations(problem, "ProblemJson"));
        Assert.All(new[] { response, notFound }, HasRequestId);
    }

    [Fact]
    public async Task Receipt_apis_sit_behind_the_subscription_key_and_the_injected_faults()
    {
        await _host.PaidNotice(1);

        var (unauthorized, _, _) = await _host.Send(HttpMethod.Get, BizEvents("IUR-1"), key: null);
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 1);
        var (biz, bizProblem, _) = await _host.Send(HttpMethod.Get, BizEvents("IUR-1"));
        var (gpd, gpdProblem, _) = await _host.Send(HttpMethod.Get, GpdReceipts(""));

        Assert.Equal((401, 500, 500), (unauthorized, biz, gpd));
        Assert.Empty(OpenApiSchemas.BizEvents.Violations(bizProblem, "ProblemJson"));
        Assert.Empty(OpenApiSchemas.GpdPayments.Violations(gpdProblem, "ProblemJson"));
    }

    [Fact]
    public async Task Biz_events_takes_the_subscription_key_as_a_query_parameter_too()
    {
        await _host.PaidNotice(1);

        // biz_events.json's security: apiKeyHeader or apiKeyQuery (subscription-key).
        var (status, receipt, _) = await _host.Send(HttpMethod.Get, new Uri($"{BizEvents("IUR-1/paymentoptions/01000000000000001")}?subscription-key={Key}"), key: null);

        Assert.Equal((200, "IUR-1"), (status, Text(receipt, "receiptId")));
    }

    [Fact]
    public async Task Gpd_lists_paid_positions_by_payment_date_time()
    {
        await _host.PaidNotice(1);
        await _host.Create(Position("IUPD-2", "01000000000000002"), toPublish: true);

        var (status, body, _) = await _host.Call(HttpMethod.Get, "debtpositions?status=PAID&payment_date_time_from=2026-03-02T00:00:00&payment_date_time_to=2026-03-02T23:59:59&page=0&limit=50");
        var (_, earlier, _) = await _host.Call(HttpMethod.Get, "debtpositions?status=PAID&payment_date_time_from=2026-02-01T00:00:00&payment_date_time_to=2026-03-01T23:59:59");

        Assert.Equal(200, status);
        Assert.Equal("IUPD-1", Text(Assert.Single(body.GetProperty("payment_position_list").EnumerateArray()), "iupd"));
        Assert.Equal(0, earlier.GetProperty("payment_position_list").GetArrayLength());
    }
}
