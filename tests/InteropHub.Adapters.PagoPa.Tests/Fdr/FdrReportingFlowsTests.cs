using System.Text.Json.Nodes;
using InteropHub.Adapters.PagoPa.Fdr;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using static InteropHub.Adapters.PagoPa.Tests.Fdr.ScriptedPagoPa;

namespace InteropHub.Adapters.PagoPa.Tests.Fdr;

/// <summary>FdR for organizations (fdr_organization.json v1.2.4) as the hub reads it, against scripted answers built from the spec's examples.</summary>
public sealed class FdrReportingFlowsTests : IDisposable
{
    private const string FlowsPath = FdrBase + "/organizations/" + Bari + "/fdrs";
    private const string FlowId = "2026-02-2788888888888-0000001";
    private const string FlowPath = FlowsPath + "/" + FlowId + "/revisions/2/psps/88888888888";

    // The list operation's query parameters as fdr_organization.json declares them.
    private static readonly IReadOnlyList<string> SpecListParameters = SpecQueryParameters("/organizations/{organizationId}/fdrs");
    private static readonly IReadOnlyList<string> SpecPaymentParameters =
        SpecQueryParameters("/organizations/{organizationId}/fdrs/{fdr}/revisions/{revision}/psps/{pspId}/payments");
    private static readonly ReportingFlowRef Flow = new(FlowId, "88888888888", 2, new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.Zero), new DateOnly(2026, 2, 27));

    private readonly ScriptedPagoPa _pagoPa = new();

    [Fact]
    public async Task List_asks_for_the_page_with_size_1000_and_publishedGt_in_utc_iso_8601()
    {
        _pagoPa.Answer(FlowsPath, 200, """
            {"metadata":{"pageSize":1000,"pageNumber":2,"totPage":3},"count":2,"data":[
              {"fdr":"2026-02-2788888888888-0000001","pspId":"88888888888","revision":2,"published":"2026-02-28T10:00:00.900000Z","flowDate":"2026-02-27T23:30:00Z"},
              {"fdr":"2026-02-28BPPIITRRXXX-000038102790","pspId":"BPPIITRRXXX","revision":1,"published":"2026-03-01T08:00:00Z"}]}
            """);

        var page = await _pagoPa.Flows.ListAsync(BariTenant, new DateTimeOffset(2026, 2, 10, 8, 30, 15, 250, TimeSpan.FromHours(1)), 2, Cancellation);

        var query = Assert.Single(_pagoPa.Queries(FlowsPath));
        Assert.Equal(new Dictionary<string, string> { ["page"] = "2", ["size"] = "1000", ["publishedGt"] = "2026-02-10T07:30:15.25Z" }, query);
        Assert.All(query.Keys, name => Assert.Contains(name, SpecListParameters));
        Assert.Equal(2, page.Page);
        Assert.Equal(3, page.TotalPages);
        Assert.Equal(
            [
                new ReportingFlowRef("2026-02-2788888888888-0000001", "88888888888", 2, new DateTimeOffset(2026, 2, 28, 10, 0, 0, 900, TimeSpan.Zero), new DateOnly(2026, 2, 28)),
                new ReportingFlowRef("2026-02-28BPPIITRRXXX-000038102790", "BPPIITRRXXX", 1, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), null),
            ],
            page.Flows);
    }

    [Fact]
    public async Task Get_maps_the_header_and_reads_every_payment_page_with_exact_decimal_amounts()
    {
        _pagoPa.Answer(FlowPath, 200, Header(totPayments: 3, sumPayments: "1234567.99"));
        _pagoPa.Answer(FlowPath + "/payments", 200, Payments(1, 2, Line(1, "0.1", "EXECUTED"), Line(2, "0.2", "EXECUTED")), ("page", "1"));
        _pagoPa.Answer(FlowPath + "/payments", 200, Payments(2, 2, Line(3, "1234567.69", "EXECUTED")), ("page", "2"));

        var flow = await _pagoPa.Flows.GetAsync(BariTenant, Flow, Cancellation);

        Assert.Equal(Flow, flow.Ref);
        Assert.Equal("SEPA - Bonifico X", flow.Regulation);
        Assert.Equal(new DateOnly(2026, 2, 27), flow.RegulationDate);
        Assert.Equal("PSP Name", flow.PspName);
        Assert.Equal(Bari, flow.ReceiverOrganizationId);
        Assert.Equal(3, flow.TotalPayments);
        Assert.Equal(1234567.99m, flow.SumPayments);
        Assert.Equal([1, 2, 3], flow.Lines.Select(l => l.Index));
        Assert.Equal([0.1m, 0.2m, 1234567.69m], flow.Lines.Select(l => l.Amount));

        // As doubles 0.1 + 0.2 is 0.30000000000000004; as decimals read from the text the lines add up to the header.
        Assert.Equal(0.3m, flow.Lines[0].Amount + flow.Lines[1].Amount);
        Assert.Equal(flow.SumPayments, flow.Lines.Sum(l => l.Amount));
        Assert.Equal(new ReportingFlowLine(1, "01000000000000123", "IUR-1", 1, 0.1m, ReportedOutcome.Executed, new DateTimeOffset(2026, 2, 26, 12, 30, 50, 900, TimeSpan.Zero)), flow.Lines[0]);

        var pages = _pagoPa.Queries(FlowPath + "/payments");
        Assert.Equal(["1", "2"], pages.Select(q => q["page"]));
        Assert.All(pages, q => Assert.Equal("1000", q["size"]));
        Assert.All(pages.SelectMany(q => q.Keys), name => Assert.Contains(name, SpecPaymentParameters));
    }

    [Fact]
    public async Task Every_pay_status_of_the_current_and_earlier_specs_is_read()
    {
        _pagoPa.Answer(FlowPath, 200, Header(totPayments: 5, sumPayments: "0.00"));
        _pagoPa.Answer(FlowPath + "/payments", 200, Payments(1, 1,
            Line(1, "10.00", "EXECUTED"), Line(2, "-10.00", "REVOKED"), Line(3, "1.00", "STAND_IN"), Line(4, "1.00", "STAND_IN_NO_RPT"), Line(5, "-2.00", "NO_RPT")));

        var flow = await _pagoPa.Flows.GetAsync(BariTenant, Flow, Cancellation);

        Assert.Equal(
            [ReportedOutcome.Executed, ReportedOutcome.Revoked, ReportedOutcome.StandIn, ReportedOutcome.StandInNoRpt, ReportedOutcome.NoRpt],
            flow.Lines.Select(l => l.Outcome));
        Assert.Equal(-10.00m, flow.Lines[1].Amount);
    }

    [Fact]
    public async Task An_unknown_pay_status_is_a_502_not_a_guess()
    {
        _pagoPa.Answer(FlowPath, 200, Header(totPayments: 1, sumPayments: "1.00"));
        _pagoPa.Answer(FlowPath + "/payments", 200, Payments(1, 1, Line(1, "1.00", "REFUNDED")));

        var failed = await Assert.ThrowsAsync<HubProblemException>(() => _pagoPa.Flows.GetAsync(BariTenant, Flow, Cancellation));

        Assert.Equal(502, failed.Status);
        Assert.Contains("REFUNDED", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_older_than_30_days_refused_with_FDR_1000_is_a_502_carrying_the_app_error_code_and_is_not_retried()
    {
        _pagoPa.Answer(FlowsPath, 400, """
            {"httpStatusCode":400,"httpStatusDescription":"Bad Request","appErrorCode":"FDR-1000","errors":[{"path":"publishedGt","message":"The date cannot be older than 30 days"}]}
            """);

        var refused = await Assert.ThrowsAsync<HubProblemException>(() => _pagoPa.Flows.ListAsync(BariTenant, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 1, Cancellation));

        Assert.Equal(502, refused.Status);
        Assert.Equal(ErrorCodes.UpstreamRejected, refused.Code);
        Assert.Equal("FDR-1000", refused.Extensions[FdrReportingFlows.AppErrorCodeExtension]);
        Assert.Contains("The date cannot be older than 30 days", refused.Message, StringComparison.Ordinal);
        Assert.Single(_pagoPa.Wire.Calls);
    }

    [Fact]
    public async Task A_5xx_is_retried_then_reported_as_503()
    {
        _pagoPa.Answer(FlowPath, 500, """
            {"errorId":"50905466-1881-457b-b42f-fb7b2bfb1610","httpStatusCode":500,"httpStatusDescription":"Internal Server Error","appErrorCode":"FDR-0500","errors":[{"message":"An unexpected error has occurred. Please contact support."}]}
            """);

        var failed = await Assert.ThrowsAsync<HubProblemException>(() => _pagoPa.Flows.GetAsync(BariTenant, Flow, Cancellation));

        Assert.Equal(503, failed.Status);
        Assert.Equal(ErrorCodes.UpstreamUnavailable, failed.Code);
        Assert.Equal(1 + ReadRetries, _pagoPa.Wire.Calls.Count);
    }

    [Fact]
    public async Task A_5xx_followed_by_an_answer_is_read_transparently()
    {
        var calls = 0;
        _pagoPa.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(FlowsPath).UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(_ => ++calls == 1
                ? new WireMock.ResponseMessage { StatusCode = 503 }
                : new WireMock.ResponseMessage
                {
                    StatusCode = 200,
                    Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
                    BodyData = new WireMock.Util.BodyData { BodyAsString = """{"metadata":{"pageSize":1000,"pageNumber":1,"totPage":0},"count":0,"data":[]}""", DetectedBodyType = WireMock.Types.BodyType.String },
                }));

        var page = await _pagoPa.Flows.ListAsync(BariTenant, new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero), 1, Cancellation);

        Assert.Empty(page.Flows);
        Assert.Equal(2, _pagoPa.Wire.Calls.Count);
    }

    [Fact]
    public async Task The_tenants_fdr_key_is_sent_and_a_tenant_without_one_sends_its_gpd_key()
    {
        const string Empty = """{"metadata":{"pageSize":1000,"pageNumber":1,"totPage":0},"count":0,"data":[]}""";
        _pagoPa.Answer(FlowsPath, 200, Empty);
        _pagoPa.Answer(FdrBase + "/organizations/" + Lecce + "/fdrs", 200, Empty);
        var after = new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero);

        await _pagoPa.Flows.ListAsync(BariTenant, after, 1, Cancellation);
        await _pagoPa.Flows.ListAsync(LecceTenant, after, 1, Cancellation);

        Assert.Equal([BariFdrKey, LecceGpdKey], _pagoPa.Keys(FdrBase));
    }

    public void Dispose() => _pagoPa.Dispose();

    private static string Header(int totPayments, string sumPayments) => $$"""
        {"fdr":"{{FlowId}}","revision":2,"status":"PUBLISHED","created":"2026-02-27T12:00:30.900000Z","updated":"2026-02-27T12:10:30.900000Z",
         "published":"2026-02-28T10:00:00Z","fdrDate":"2026-02-27T12:20:30.800000Z","regulation":"SEPA - Bonifico X","regulationDate":"2026-02-27",
         "bicCodePouringBank":"UNCRITMMXXX",
         "sender":{"type":"LEGAL_PERSON","id":"SELBIT2B","pspId":"88888888888","pspName":"PSP Name","pspBrokerId":"70000000001","channelId":"80000000001"},
         "receiver":{"id":"APPBIT2B","organizationId":"{{Bari}}","organizationName":"Comune di Bari"},
         "computedTotPayments":{{totPayments}},"computedSumPayments":{{sumPayments}},"totPayments":{{totPayments}},"sumPayments":{{sumPayments}}}
        """;

    private static string Payments(int page, int totPage, params string[] lines) =>
        $$"""{"metadata":{"pageSize":1000,"pageNumber":{{page}},"totPage":{{totPage}}},"count":{{lines.Length}},"data":[{{string.Join(",", lines)}}]}""";

    private static string Line(int index, string pay, string payStatus) =>
        $$"""{"index":{{index}},"iuv":"0100000000000012{{index + 2}}","iur":"IUR-{{index}}","idTransfer":1,"pay":{{pay}},"payStatus":"{{payStatus}}","payDate":"2026-02-26T12:30:50.900000Z"}""";

    // The query parameters FdR declares for a GET, read from the official fdr_organization.json copied beside the tests.
    private static IReadOnlyList<string> SpecQueryParameters(string path)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PagoPa", "Specs", "fdr_organization.json")))!;
        return [.. spec["paths"]![path]!["get"]!["parameters"]!.AsArray()
            .Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!)];
    }
}
