using System.Text.Json;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>FdR's organization API over flows published from the stored receipts: list, header, lines, paging, revisions, date limits.</summary>
public sealed class FdrTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    // A client that keeps FdR's pace: each call a second after the previous one.
    private Task<(int Status, JsonElement Body, HttpResponseMessage Response)> Fdr(string relative, string? key = Key)
    {
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        return Now(relative, key);
    }

    private Task<(int Status, JsonElement Body, HttpResponseMessage Response)> Now(string relative, string? key = Key) =>
        _host.Send(HttpMethod.Get, new Uri($"{_host.PagoPa.FdrUrl}/organizations/{Org}/{relative}"), key: key);

    [Fact]
    public async Task An_fdr_call_arriving_within_a_second_of_the_last_one_with_its_key_is_refused_429_like_apim()
    {
        Assert.Equal(200, (await Now("fdrs")).Status);

        var (tooSoon, body, response) = await Now("fdrs");
        _host.Time.Advance(TimeSpan.FromMilliseconds(999));
        var (stillTooSoon, _, _) = await Now("fdrs");
        var (otherKey, _, _) = await Now("fdrs", key: "another-key");
        var (gpd, _, _) = await _host.Call(HttpMethod.Get, "debtpositions/none");
        _host.Time.Advance(TimeSpan.FromMilliseconds(1));
        var (paced, _, _) = await Now("fdrs");

        Assert.Equal((429, 429, 200, 404, 200), (tooSoon, stillTooSoon, otherKey, gpd, paced));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal(429, body.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task A_notice_paid_late_in_the_evening_utc_is_in_the_next_days_flow_as_the_day_is_romes()
    {
        // 23:30 UTC on 2 March is 00:30 on 3 March in Rome.
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero));
        await _host.PaidNotice(1);

        Assert.Empty(_host.PagoPa.PublishFlows(Org, new DateOnly(2026, 3, 2)));
        Assert.Equal(["2026-03-03SANDBOXPSP01-0000001"], _host.PagoPa.PublishFlows(Org).Select(f => f.FlowId));
    }

    [Fact]
    public async Task Published_flows_are_listed_read_and_paged_in_the_spec_shapes()
    {
        await _host.PaidNotice(1, "BCITITMM");
        await _host.PaidNotice(2);

        var published = _host.PagoPa.PublishFlows(Org);
        var (listStatus, list, _) = await Fdr("fdrs");
        var (flowStatus, flow, _) = await Fdr("fdrs/2026-03-02BCITITMM-0000001/revisions/1/psps/BCITITMM");
        var (linesStatus, lines, _) = await Fdr("fdrs/2026-03-02BCITITMM-0000001/revisions/1/psps/BCITITMM/payments");

        Assert.Equal(["2026-03-02BCITITMM-0000001", "2026-03-02SANDBOXPSP01-0000001"], published.Select(f => f.FlowId));
        Assert.Equal((200, 200, 200), (listStatus, flowStatus, linesStatus));
        Assert.Equal(2, list.GetProperty("data").GetArrayLength());
        Assert.Equal(("2", "300.00", Org), (Text(flow, "totPayments"), flow.GetProperty("sumPayments").GetRawText(), Text(flow.GetProperty("receiver"), "organizationId")));
        var line = lines.GetProperty("data")[1];
        Assert.Equal(("01000000000000001", "IUR-1", "2", "200.00", "EXECUTED"), (Text(line, "iuv"), Text(line, "iur"), Text(line, "idTransfer"), line.GetProperty("pay").GetRawText(), Text(line, "payStatus")));
        Assert.Empty(OpenApiSchemas.FdrOrganization.Violations(list, "PaginatedFlowsResponse"));
        Assert.Empty(OpenApiSchemas.FdrOrganization.Violations(flow, "SingleFlowResponse"));
        Assert.Empty(OpenApiSchemas.FdrOrganization.Violations(lines, "PaginatedPaymentsResponse"));
    }

    [Fact]
    public async Task Pages_count_from_one_and_a_size_over_1000_is_a_bad_request()
    {
        await _host.PaidNotice(1, "PSPA");
        await _host.PaidNotice(2, "PSPB");
        await _host.PaidNotice(3, "PSPC");
        _host.PagoPa.PublishFlows(Org);

        var (_, second, _) = await Fdr("fdrs?page=2&size=2");
        var (status, error, _) = await Fdr("fdrs?size=1001");
        var (_, lines, _) = await Fdr("fdrs/2026-03-02PSPA-0000001/revisions/1/psps/PSPA/payments?page=2&size=1");

        Assert.Equal(("2", "2", "1"), (Text(second.GetProperty("metadata"), "pageNumber"), Text(second.GetProperty("metadata"), "totPage"), Text(second, "count")));
        Assert.Equal("PSPC", Text(second.GetProperty("data")[0], "pspId"));
        Assert.Equal((400, "FDR-1000"), (status, Text(error, "appErrorCode")));
        Assert.Empty(OpenApiSchemas.FdrOrganization.Violations(error, "ErrorResponse"));
        Assert.Equal("2", Text(lines.GetProperty("data")[0], "index"));
    }

    [Fact]
    public async Task The_list_shows_only_the_latest_revision_and_older_revisions_stay_readable()
    {
        await _host.PaidNotice(1);
        _host.PagoPa.PublishFlows(Org, anomalies: [FlowAnomaly.NewRevision]);

        var (_, list, _) = await Fdr("fdrs");
        var (first, _, _) = await Fdr("fdrs/2026-03-02SANDBOXPSP01-0000001/revisions/1/psps/SANDBOXPSP01");

        Assert.Equal("2", Text(Assert.Single(list.GetProperty("data").EnumerateArray()), "revision"));
        Assert.Equal(200, first);
    }

    [Theory]
    [InlineData("publishedGt")]
    [InlineData("flowDate")]
    public async Task A_date_older_than_30_days_is_refused_with_FDR_1000(string filter)
    {
        var (status, error, _) = await Fdr($"fdrs?{filter}=2026-01-15T00:00:00Z");

        Assert.Equal((400, "FDR-1000"), (status, Text(error, "appErrorCode")));
        Assert.Equal("The date cannot be older than 30 days", Text(error.GetProperty("errors")[0], "message"));
    }

    [Fact]
    public async Task PublishedGt_lists_only_flows_published_strictly_after_it()
    {
        await _host.PaidNotice(1);
        var first = _host.PagoPa.PublishFlows(Org).Single();
        _host.Time.Advance(TimeSpan.FromHours(1));
        _host.PagoPa.PublishFlows(Org);

        var (_, list, _) = await Fdr($"fdrs?publishedGt={first.Published:yyyy-MM-ddTHH:mm:ssZ}");

        Assert.Equal("2026-03-02SANDBOXPSP01-0000002", Text(Assert.Single(list.GetProperty("data").EnumerateArray()), "fdr"));
    }

    [Fact]
    public async Task An_unknown_flow_is_FDR_3001_and_a_malformed_flow_id_FDR_3008()
    {
        var (missing, notFound, _) = await Fdr("fdrs/2026-03-02SANDBOXPSP01-0000009/revisions/1/psps/SANDBOXPSP01");
        var (malformed, badDate, _) = await Fdr("fdrs/NOTADATE00SANDBOXPSP01-1/revisions/1/psps/SANDBOXPSP01");

        Assert.Equal((404, "FDR-3001"), (missing, Text(notFound, "appErrorCode")));
        Assert.Equal((400, "FDR-3008"), (malformed, Text(badDate, "appErrorCode")));
        Assert.Empty(OpenApiSchemas.FdrOrganization.Violations(notFound, "ErrorResponse"));
    }

    [Fact]
    public async Task FdR_sits_behind_the_subscription_key_and_the_injected_faults()
    {
        var (unauthorized, _, _) = await Fdr("fdrs", key: null);
        _host.PagoPa.Faults = new PagoPaFaults(TimeSpan.Zero, 1);
        var (failed, error, _) = await Fdr("fdrs");

        Assert.Equal((401, 500, "FDR-0500"), (unauthorized, failed, Text(error, "appErrorCode")));
        Assert.Equal(1, _host.PagoPa.RequestCount(Key));
    }
}
