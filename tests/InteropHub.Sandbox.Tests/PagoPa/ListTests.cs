using InteropHub.Testing;
using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>getOrganizationDebtPositions: limit ≤ 50, pages, date windows of ≤ 30 days, exclusive filters, status.</summary>
public sealed class ListTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Pages_follow_limit_and_page_and_validate_against_the_spec()
    {
        for (var i = 1; i <= 3; i++)
        {
            await _host.Create(Position($"IUPD-{i}", $"0100000000000000{i}"));
            _host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var (status, body, _) = await _host.Call(HttpMethod.Get, "debtpositions?limit=2&page=1&ordering=ASC");

        Assert.Equal(200, status);
        Assert.Equal("IUPD-3", Text(body.GetProperty("payment_position_list")[0], "iupd"));
        Assert.Equal(("1", "2"), (Text(body.GetProperty("page_info"), "items_found"), Text(body.GetProperty("page_info"), "total_pages")));
        Assert.Empty(OpenApiSchemas.GpdV1.Violations(body, "PaymentPositionsInfo"));
    }

    [Fact]
    public async Task A_limit_over_50_is_a_bad_request()
    {
        var (status, _, _) = await _host.Call(HttpMethod.Get, "debtpositions?limit=51");

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task A_due_date_window_over_30_days_cannot_be_recovered()
    {
        var (status, problem, _) = await _host.Call(HttpMethod.Get, "debtpositions?due_date_from=2026-12-01&due_date_to=2027-01-01");

        Assert.Equal((400, "The debt positions cannot be recovered"), (status, Text(problem, "title")));
    }

    [Fact]
    public async Task Due_date_and_payment_date_windows_are_exclusive()
    {
        var (status, _, _) = await _host.Call(HttpMethod.Get, "debtpositions?due_date_from=2026-12-01&payment_date_from=2026-12-01");

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task One_due_date_bound_selects_the_30_days_after_it()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"));

        var (_, inWindow, _) = await _host.Call(HttpMethod.Get, "debtpositions?due_date_from=2026-12-15");
        var (_, outside, _) = await _host.Call(HttpMethod.Get, "debtpositions?due_date_from=2026-11-01");

        Assert.Equal(1, inWindow.GetProperty("payment_position_list").GetArrayLength());
        Assert.Equal(0, outside.GetProperty("payment_position_list").GetArrayLength());
    }

    [Fact]
    public async Task Status_filters_the_list()
    {
        await _host.Create(Position("IUPD-1", "01000000000000001"));
        await _host.Create(Position("IUPD-2", "01000000000000002"), toPublish: true);

        var (_, body, _) = await _host.Call(HttpMethod.Get, "debtpositions?status=VALID");

        var only = Assert.Single(body.GetProperty("payment_position_list").EnumerateArray());
        Assert.Equal("IUPD-2", Text(only, "iupd"));
    }
}
