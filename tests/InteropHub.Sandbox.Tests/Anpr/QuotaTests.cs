using InteropHub.Sandbox.Anpr;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>GovWay's daily quota per consumer and service: 429 LimitExceeded until midnight in Rome (issues #4565, #4885).</summary>
public sealed class QuotaTests : IDisposable
{
    private readonly AnprHost _host = new(new AnprSandboxSettings { DailyQuotas = new Dictionary<string, int> { ["C030"] = 2 } });

    private AnprSandbox Anpr => _host.Anpr;

    private string FiscalCode => Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0].FiscalCode;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_request_after_the_quota_gets_429_limit_exceeded_with_a_govway_id()
    {
        await Exhaust("client-a");

        using var response = await _host.Post("C030", AnprHost.ByFiscalCode("C030", FiscalCode), "client-a");

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await AnprHost.Json(response);
        Assert.Equal(
            ("https://govway.org/handling-errors/429/LimitExceeded.html", "LimitExceeded", "Limit exceeded detected"),
            (Text(body, "type"), Text(body, "title"), Text(body, "detail")));
        Assert.Equal(429, body.GetProperty("status").GetInt32());
        Assert.Equal(Assert.Single(response.Headers.GetValues("GovWay-Transaction-ID")), Text(body, "govway_id"));
        Assert.Equal(1, Anpr.Requests("C030").QuotaExceeded);
    }

    [Fact]
    public async Task The_quota_holds_until_midnight_in_rome_and_reopens_after()
    {
        await Exhaust("client-a");

        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 22, 59, 59, TimeSpan.Zero));
        var (lastMinute, _) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode), "client-a");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero));
        var (nextDay, _) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode), "client-a");

        Assert.Equal(429, lastMinute);
        Assert.Equal(200, nextDay);
    }

    [Fact]
    public async Task Each_consumer_and_each_service_has_its_own_count()
    {
        await Exhaust("client-a");

        var (otherClient, _) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode), "client-b");
        var (otherService, _) = await _host.Call("C015", AnprHost.ByFiscalCode("C015", FiscalCode), "client-a");

        Assert.Equal(200, otherClient);
        Assert.Equal(200, otherService);
        Assert.Contains(new AnprQuotaUsage("client-a", "C030", 2), Anpr.QuotaUsage());
    }

    [Fact]
    public async Task Failed_answers_count_toward_the_quota()
    {
        var unknown = Anpr.NotRegisteredFiscalCodes(1)[0];
        await _host.Call("C030", AnprHost.ByFiscalCode("C030", unknown), "client-a");
        await _host.Call("C030", AnprHost.ByFiscalCode("C030", unknown), "client-a");

        var (status, _) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode), "client-a");

        Assert.Equal(429, status);
    }

    [Fact]
    public async Task Resetting_the_usage_or_raising_the_limit_lets_requests_through_again()
    {
        await Exhaust("client-a");

        Anpr.ResetQuotaUsage();
        var (afterReset, _) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode), "client-a");
        await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode), "client-a");
        Anpr.SetDailyQuota("C030", null);
        var (unlimited, _) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode), "client-a");

        Assert.Equal(200, afterReset);
        Assert.Equal(200, unlimited);
    }

    [Fact]
    public void A_quota_for_a_service_the_sandbox_does_not_have_is_refused() =>
        Assert.Throws<ArgumentException>(() => Anpr.SetDailyQuota("C017", 10));

    private async Task Exhaust(string consumer)
    {
        for (var i = 0; i < 2; i++)
        {
            var (status, _) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", FiscalCode), consumer);
            Assert.Equal(200, status);
        }
    }
}
