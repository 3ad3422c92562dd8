using static InteropHub.Sandbox.Tests.PagoPa.GpdHost;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>APIM in front of GPD: the subscription key is required, counted, and limited to 100 calls in any 10 s.</summary>
public sealed class GatewayTests : IDisposable
{
    private readonly GpdHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_call_without_subscription_key_is_unauthorized_and_not_counted()
    {
        var (status, _, _) = await _host.Call(HttpMethod.Get, "debtpositions", key: null);

        Assert.Equal(401, status);
        Assert.Equal(0, _host.PagoPa.RequestCount(Key));
    }

    [Fact]
    public async Task Calls_are_counted_per_key_and_answers_carry_a_request_id()
    {
        await _host.Call(HttpMethod.Get, "debtpositions", key: "a");
        await _host.Call(HttpMethod.Get, "debtpositions", key: "a");
        var (_, _, response) = await _host.Call(HttpMethod.Get, "debtpositions", key: "b");

        Assert.Equal((2, 1), (_host.PagoPa.RequestCount("a"), _host.PagoPa.RequestCount("b")));
        Assert.True(response.Headers.Contains("X-Request-Id"));
    }

    [Fact]
    public async Task The_101st_call_in_10_seconds_gets_429_with_retry_after_until_the_window_ends()
    {
        for (var i = 0; i < 100; i++)
        {
            var (ok, _, _) = await _host.Call(HttpMethod.Get, "debtpositions/none");
            Assert.Equal(404, ok);
        }

        _host.Time.Advance(TimeSpan.FromSeconds(4));
        var (limited, _, response) = await _host.Call(HttpMethod.Get, "debtpositions/none");
        var (otherKey, _, _) = await _host.Call(HttpMethod.Get, "debtpositions/none", key: "other");
        _host.Time.Advance(TimeSpan.FromSeconds(6));
        var (later, _, _) = await _host.Call(HttpMethod.Get, "debtpositions/none");

        Assert.Equal(429, limited);
        Assert.Equal(TimeSpan.FromSeconds(6), response.Headers.RetryAfter?.Delta);
        Assert.Equal((404, 404), (otherKey, later));
    }

    [Fact]
    public async Task The_window_slides_so_calls_on_both_sides_of_a_window_boundary_never_pass_100_in_10_seconds()
    {
        await _host.Call(HttpMethod.Get, "debtpositions/none");
        _host.Time.Advance(TimeSpan.FromSeconds(9));
        for (var i = 0; i < 99; i++)
        {
            await _host.Call(HttpMethod.Get, "debtpositions/none");
        }

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var (first, _, _) = await _host.Call(HttpMethod.Get, "debtpositions/none");
        var (second, _, response) = await _host.Call(HttpMethod.Get, "debtpositions/none");

        Assert.Equal((404, 429), (first, second));
        Assert.Equal(TimeSpan.FromSeconds(9), response.Headers.RetryAfter?.Delta);
        Assert.Equal((1, 101), _host.PagoPa.RateLimitWindow(Key));
    }

    [Fact]
    public async Task Calls_of_the_key_to_fdr_and_biz_events_are_counted_but_not_against_gpd_limit()
    {
        for (var i = 0; i < 100; i++)
        {
            await _host.Call(HttpMethod.Get, "debtpositions/none");
        }

        var (fdr, _, _) = await _host.Send(HttpMethod.Get, new Uri($"{_host.PagoPa.FdrUrl}/organizations/{Org}/fdrs"));
        var (bizEvents, _, _) = await _host.Send(HttpMethod.Get, new Uri($"{_host.PagoPa.BizEventsUrl}/organizations/{Org}/receipts/IUR-NONE"));
        var (gpd, _, _) = await _host.Call(HttpMethod.Get, "debtpositions/none");

        Assert.Equal((200, 404, 429), (fdr, bizEvents, gpd));
        Assert.Equal(103, _host.PagoPa.RequestCount(Key));
        Assert.Equal((1, 101), _host.PagoPa.RateLimitWindow(Key));
    }
}
