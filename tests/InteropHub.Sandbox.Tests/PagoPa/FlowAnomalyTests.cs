using System.Text.Json.Nodes;
using InteropHub.Sandbox.PagoPa;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>What each injected anomaly does to the first published flow (one notice paid: lines 100.00 and 200.00).</summary>
public sealed class FlowAnomalyTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(FlowAnomaly.LineMissing, 1, 2, "300.00", "100.00")]
    [InlineData(FlowAnomaly.AmountChanged, 2, 2, "301.00", "301.00")]
    [InlineData(FlowAnomaly.DuplicateLine, 3, 3, "400.00", "400.00")]
    [InlineData(FlowAnomaly.UnknownIuv, 3, 3, "310.00", "310.00")]
    [InlineData(FlowAnomaly.HeaderSumWrong, 2, 2, "301.00", "300.00")]
    [InlineData(FlowAnomaly.HeaderCountWrong, 2, 3, "300.00", "300.00")]
    [InlineData(FlowAnomaly.NoRpt, 3, 3, "305.00", "305.00")]
    public async Task An_anomaly_sets_lines_and_header_as_documented(FlowAnomaly anomaly, int lines, int totPayments, string sumPayments, string linesSum)
    {
        await _host.PaidNotice(1);

        var flow = _host.PagoPa.PublishFlows(Org, anomalies: [anomaly]).Single();

        Assert.Equal((lines, totPayments, sumPayments), (flow.Lines.Count, flow.TotalPayments, flow.SumPayments.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(decimal.Parse(linesSum, System.Globalization.CultureInfo.InvariantCulture), flow.Lines.Sum(l => l.Pay));
        Assert.Equal(Enumerable.Range(1, lines), flow.Lines.Select(l => l.Index));
    }

    [Fact]
    public async Task A_duplicate_line_repeats_iuv_iur_and_transfer_under_a_new_index()
    {
        await _host.PaidNotice(1);

        var lines = _host.PagoPa.PublishFlows(Org, anomalies: [FlowAnomaly.DuplicateLine]).Single().Lines;

        Assert.Equal(lines[0] with { Index = 3 }, lines[2]);
    }

    [Fact]
    public async Task Unknown_iuv_and_no_rpt_lines_name_iuvs_the_organization_never_issued()
    {
        await _host.PaidNotice(1);

        var lines = _host.PagoPa.PublishFlows(Org, anomalies: [FlowAnomaly.UnknownIuv, FlowAnomaly.NoRpt]).Single().Lines;

        var issued = _host.PagoPa.Positions(Org).SelectMany(p => p.Options).Select(o => o.Iuv).ToList();
        Assert.Equal(("EXECUTED", "NO_RPT"), (lines[2].PayStatus, lines[3].PayStatus));
        Assert.DoesNotContain(lines[2].Iuv, issued);
        Assert.DoesNotContain(lines[3].Iuv, issued);
    }

    [Fact]
    public async Task New_revision_publishes_the_same_flow_again_as_revision_2()
    {
        await _host.PaidNotice(1);

        var flows = _host.PagoPa.PublishFlows(Org, anomalies: [FlowAnomaly.NewRevision]);

        Assert.Equal([1, 2], flows.Select(f => f.Revision));
        Assert.Equal(flows[0].FlowId, flows[1].FlowId);
        Assert.Equal(flows[0].Lines, flows[1].Lines);
        Assert.True(flows[1].Published > flows[0].Published);
    }

    [Fact]
    public async Task Other_receiver_names_another_organization_and_only_the_first_flow_gets_anomalies()
    {
        await _host.PaidNotice(1, "PSPA");
        await _host.PaidNotice(2, "PSPB");

        var flows = _host.PagoPa.PublishFlows(Org, anomalies: [FlowAnomaly.OtherReceiver, FlowAnomaly.HeaderCountWrong]);

        Assert.Equal(("99999999999", 3), (flows[0].ReceiverOrganizationId, flows[0].TotalPayments));
        Assert.Equal((Org, 2), (flows[1].ReceiverOrganizationId, flows[1].TotalPayments));
    }

    [Fact]
    public async Task Only_notices_paid_on_the_date_are_reported()
    {
        await _host.PaidNotice(1);

        Assert.Empty(_host.PagoPa.PublishFlows(Org, new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public async Task The_control_endpoint_publishes_with_kebab_case_anomalies_and_refuses_unknown_ones()
    {
        await _host.PaidNotice(1);
        var url = new Uri(_host.Host.PagoPaUrl, "/__sandbox/pagopa/flows/publish");

        var (status, body, _) = await _host.Send(HttpMethod.Post, url, new JsonObject
        {
            ["organizationFiscalCode"] = Org,
            ["date"] = "2026-03-02",
            ["anomalies"] = new JsonArray("duplicate-line", "header-sum-wrong"),
        }, key: null);
        var (unknown, _, _) = await _host.Send(HttpMethod.Post, url, new JsonObject { ["organizationFiscalCode"] = Org, ["anomalies"] = new JsonArray("nope") }, key: null);

        var flow = body.GetProperty("flows")[0];
        Assert.Equal((201, "2026-03-02SANDBOXPSP01-0000001"), (status, Text(flow, "fdr")));
        Assert.Equal(("3", "401.00", 3), (Text(flow, "totPayments"), flow.GetProperty("sumPayments").GetRawText(), flow.GetProperty("payments").GetArrayLength()));
        Assert.Equal(400, unknown);
    }
}
