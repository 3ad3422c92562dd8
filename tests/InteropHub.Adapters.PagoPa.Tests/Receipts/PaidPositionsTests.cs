using System.Text.Json.Nodes;
using InteropHub.Adapters.PagoPa.Receipts;
using InteropHub.Adapters.PagoPa.Tests.Fdr;
using InteropHub.Contracts.Payments;
using static InteropHub.Adapters.PagoPa.Tests.Fdr.ScriptedPagoPa;

namespace InteropHub.Adapters.PagoPa.Tests.Receipts;

/// <summary>Paid positions from GPD v1's list (status and payment date-time filters, pages of 50), against scripted answers.</summary>
public sealed class PaidPositionsTests : IDisposable
{
    private const string ListPath = GpdBase + "/organizations/" + Bari + "/debtpositions";
    private static readonly DateTimeOffset From = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 3, 2, 23, 59, 59, 500, TimeSpan.FromHours(1));

    private readonly ScriptedPagoPa _pagoPa = new();

    [Fact]
    public async Task Partially_paid_then_paid_positions_are_read_across_every_page_with_the_spec_parameters()
    {
        _pagoPa.Answer(ListPath, 200, Page(0, 1, Position("iupd-moving", "PARTIALLY_PAID")), ("status", "PARTIALLY_PAID"), ("page", "0"));
        _pagoPa.Answer(ListPath, 200, Page(0, 2, Position("iupd-1", "PAID"), Position("iupd-moving", "PAID")), ("status", "PAID"), ("page", "0"));
        _pagoPa.Answer(ListPath, 200, Page(1, 2, Position("iupd-2", "PAID")), ("status", "PAID"), ("page", "1"));

        var paid = await _pagoPa.Receipts.PaidPositionsAsync(BariTenant, From, To, Cancellation);

        Assert.Equal(["iupd-1", "iupd-2", "iupd-moving"], paid.Select(p => p.Iupd).Order());
        Assert.All(paid, p => Assert.Equal(DebtPositionStatus.Paid, p.Status));
        var option = Assert.Single(paid.Single(p => p.Iupd == "iupd-1").Options);
        Assert.Equal(DebtOptionStatus.Paid, option.Status);
        Assert.Equal("IUR-iupd-1", option.ReceiptId);
        Assert.Equal(new DateTimeOffset(2026, 2, 15, 10, 30, 0, TimeSpan.Zero), option.PaidAt);
        Assert.Equal(100, option.FeeCents);

        var queries = _pagoPa.Queries(ListPath);
        Assert.Equal(["PARTIALLY_PAID/0", "PAID/0", "PAID/1"], queries.Select(q => $"{q["status"]}/{q["page"]}"));
        Assert.All(queries, q =>
        {
            Assert.Equal("50", q["limit"]);
            Assert.Equal("2026-02-01T00:00:00", q["payment_date_time_from"]);
            Assert.Equal("2026-03-02T23:00:00", q["payment_date_time_to"]);
            Assert.All(q.Keys, name => Assert.Contains(name, SpecListParameters()));
        });
        Assert.All(_pagoPa.Keys(GpdBase), key => Assert.Equal(BariGpdKey, key));
    }

    [Fact]
    public async Task A_window_longer_than_30_days_is_refused_before_any_call()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _pagoPa.Receipts.PaidPositionsAsync(BariTenant, From, From + IReceiptSource.MaxWindow + TimeSpan.FromSeconds(1), Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => _pagoPa.Receipts.PaidPositionsAsync(BariTenant, To, From, Cancellation));

        Assert.Empty(_pagoPa.Wire.Calls);
    }

    [Fact]
    public async Task A_window_of_exactly_30_days_is_listed()
    {
        _pagoPa.Answer(ListPath, 200, Page(0, 0));

        var paid = await _pagoPa.Receipts.PaidPositionsAsync(BariTenant, From, From + IReceiptSource.MaxWindow, Cancellation);

        Assert.Empty(paid);
        Assert.Equal(2, _pagoPa.Wire.Calls.Count);
    }

    [Fact]
    public async Task A_gpd_refusal_is_a_502_and_a_gpd_outage_a_503()
    {
        _pagoPa.Answer(ListPath, 400, """{"title":"The debt position is not recoverable","status":400,"detail":"Dates interval not valid"}""");
        var refused = await Assert.ThrowsAsync<InteropHub.Contracts.Errors.HubProblemException>(() => _pagoPa.Receipts.PaidPositionsAsync(BariTenant, From, To, Cancellation));
        Assert.Equal(502, refused.Status);

        _pagoPa.Answer(ListPath, 500, """{"title":"Internal Server Error","status":500,"detail":"x"}""");
        var failed = await Assert.ThrowsAsync<InteropHub.Contracts.Errors.HubProblemException>(() => _pagoPa.Receipts.PaidPositionsAsync(BariTenant, From, To, Cancellation));
        Assert.Equal(503, failed.Status);
    }

    public void Dispose() => _pagoPa.Dispose();

    // The query parameters GPD v1 declares for getOrganizationDebtPositions, read from the official spec copied beside the tests.
    private static IReadOnlyList<string> SpecListParameters()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PagoPa", "Specs", "openapi_external_v1.json")))!;
        return [.. spec["paths"]!["/organizations/{organizationfiscalcode}/debtpositions"]!["get"]!["parameters"]!.AsArray()
            .Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!)];
    }

    private static string Page(int page, int totalPages, params string[] positions) =>
        $$$"""{"payment_position_list":[{{{string.Join(",", positions)}}}],"page_info":{"page":{{{page}}},"limit":{{{PagoPaReceiptSource.PageLimit}}},"items_found":{{{positions.Length}}},"total_pages":{{{totalPages}}}}}""";

    // PaymentPositionModelBaseResponse as GPD lists it: UTC date-times without an offset.
    private static string Position(string iupd, string status) => $$"""
        {"iupd":"{{iupd}}","organizationFiscalCode":"{{Bari}}","type":"F","companyName":"Comune di Bari","status":"{{status}}",
         "paymentDate":"2026-02-15T10:30:00","insertedDate":"2026-01-10T08:00:00","publishDate":"2026-01-10T08:00:01",
         "paymentOption":[{"iuv":"01000000000000{{iupd.Length:000}}","amount":30000,"description":"TARI 2026","isPartialPayment":false,
           "dueDate":"2026-06-30T21:59:59","status":"{{(status == "PAID" ? "PO_PAID" : "PO_UNPAID")}}","paymentDate":"2026-02-15T10:30:00",
           "pspCompany":"PSP Company","idReceipt":"IUR-{{iupd}}","fee":100}]}
        """;
}
