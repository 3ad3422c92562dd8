using InteropHub.Contracts.Errors;
using InteropHub.Adapters.PagoPa.Tests.Fdr;
using static InteropHub.Adapters.PagoPa.Tests.Fdr.ScriptedPagoPa;

namespace InteropHub.Adapters.PagoPa.Tests.Receipts;

/// <summary>Biz-Events' <c>GET /organizations/{org}/receipts/{iur}/paymentoptions/{iuv}</c> (biz_events.json) as the hub reads it.</summary>
public sealed class BizEventsReceiptTests : IDisposable
{
    private const string Iur = "ec1b4a0b2bd9465b8d4d4ec3b2e1c2ab";
    private const string Iuv = "01000000000000123";
    private const string ReceiptPath = BizEventsBase + "/organizations/" + Bari + "/receipts/" + Iur + "/paymentoptions/" + Iuv;

    private readonly ScriptedPagoPa _pagoPa = new();

    [Fact]
    public async Task A_receipt_is_mapped_with_exact_cents_and_the_payment_time_with_its_offset()
    {
        _pagoPa.Answer(ReceiptPath, 200, Receipt("OK", "100.50", "1.5", """ "paymentDateTime":"2026-09-01T10:00:00","paymentDateTimeFormatted":"2026-09-01T10:00:00.000+02:00" """));

        var receipt = await _pagoPa.Receipts.ReceiptAsync(BariTenant, Iur, Iuv, Cancellation);

        Assert.NotNull(receipt);
        Assert.Equal(Iur, receipt.ReceiptId);
        Assert.Equal(Iuv, receipt.Iuv);
        Assert.Equal("301000000000000123", receipt.NoticeNumber);
        Assert.True(receipt.Succeeded);
        Assert.Equal(10_050, receipt.AmountCents);
        Assert.Equal(150, receipt.FeeCents);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), receipt.PaidAt);
        Assert.Equal("AGID_01", receipt.PspId);
        Assert.Equal("PSP Company", receipt.PspName);
        Assert.Equal([BariBizEventsKey], _pagoPa.Keys(BizEventsBase));
    }

    [Fact]
    public async Task A_ko_receipt_without_an_offset_is_read_in_italian_time()
    {
        _pagoPa.Answer(ReceiptPath, 200, Receipt("KO", "0.1", null, """ "paymentDateTime":"2026-01-15T10:30:00" """));

        var receipt = await _pagoPa.Receipts.ReceiptAsync(BariTenant, Iur, Iuv, Cancellation);

        Assert.NotNull(receipt);
        Assert.False(receipt.Succeeded);
        Assert.Equal(10, receipt.AmountCents);
        Assert.Null(receipt.FeeCents);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero), receipt.PaidAt);
    }

    [Fact]
    public async Task An_unknown_receipt_is_null()
    {
        _pagoPa.Answer(ReceiptPath, 404, """{"title":"Not found the receipt","status":404,"detail":"There was an error processing the request"}""");

        Assert.Null(await _pagoPa.Receipts.ReceiptAsync(BariTenant, Iur, Iuv, Cancellation));
        Assert.Single(_pagoPa.Wire.Calls);
    }

    [Fact]
    public async Task An_amount_that_is_not_whole_cents_is_a_502()
    {
        _pagoPa.Answer(ReceiptPath, 200, Receipt("OK", "10.005", null, ""));

        var failed = await Assert.ThrowsAsync<HubProblemException>(() => _pagoPa.Receipts.ReceiptAsync(BariTenant, Iur, Iuv, Cancellation));

        Assert.Equal(502, failed.Status);
    }

    [Fact]
    public async Task A_422_is_a_502_with_biz_events_title_and_a_500_is_retried_then_503()
    {
        _pagoPa.Answer(ReceiptPath, 422, """{"title":"Unable to process the request","status":422,"detail":"There was an error processing the request"}""");
        var refused = await Assert.ThrowsAsync<HubProblemException>(() => _pagoPa.Receipts.ReceiptAsync(BariTenant, Iur, Iuv, Cancellation));
        Assert.Equal(502, refused.Status);
        Assert.Equal(ErrorCodes.UpstreamRejected, refused.Code);
        Assert.Equal("Unable to process the request", refused.Extensions["biz_events_title"]);
        Assert.Single(_pagoPa.Wire.Calls);

        _pagoPa.Wire.Clear();
        _pagoPa.Answer(ReceiptPath, 500, """{"title":"Service unavailable","status":500,"detail":"There was an error processing the request"}""");
        var failed = await Assert.ThrowsAsync<HubProblemException>(() => _pagoPa.Receipts.ReceiptAsync(BariTenant, Iur, Iuv, Cancellation));
        Assert.Equal(503, failed.Status);
        Assert.Equal(1 + ReadRetries, _pagoPa.Wire.Calls.Count);
    }

    [Fact]
    public async Task A_tenant_without_a_biz_events_key_sends_its_gpd_key()
    {
        _pagoPa.Answer(BizEventsBase + "/organizations/" + Lecce + "/receipts/" + Iur + "/paymentoptions/" + Iuv, 200, Receipt("OK", "1.00", null, ""));

        var receipt = await _pagoPa.Receipts.ReceiptAsync(LecceTenant, Iur, Iuv, Cancellation);

        Assert.NotNull(receipt);
        Assert.Null(receipt.PaidAt);
        Assert.Equal([LecceGpdKey], _pagoPa.Keys(BizEventsBase));
    }

    public void Dispose() => _pagoPa.Dispose();

    // CtReceiptModelResponse with the spec's required members, values as in a ctReceiptV2.
    private static string Receipt(string outcome, string amount, string? fee, string dates) => $$"""
        {"receiptId":"{{Iur}}","noticeNumber":"301000000000000123","fiscalCode":"{{Bari}}","outcome":"{{outcome}}","creditorReferenceId":"{{Iuv}}",
         "paymentAmount":{{amount}},"description":"TARI 2026","companyName":"Comune di Bari",
         "debtor":{"entityUniqueIdentifierType":"F","entityUniqueIdentifierValue":"RSSMRA80A01H501U","fullName":"Mario Rossi"},
         "transferList":[{"idTransfer":1,"transferAmount":{{amount}},"fiscalCodePA":"{{Bari}}","iban":"IT60X0542811101000000123456","remittanceInformation":"TARI 2026","transferCategory":"9/0101108TS/"}],
         "idPSP":"AGID_01","pspCompanyName":"PSP Company","idChannel":"AGID_01_ONUS"{{(fee is null ? "" : $",\"fee\":{fee}")}}{{(dates.Trim().Length == 0 ? "" : "," + dates)}}}
        """;
}
