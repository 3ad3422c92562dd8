using InteropHub.Sandbox.Pdnd;

namespace InteropHub.Sandbox.Tests.Pdnd;

/// <summary>PDND's rate limit per consumer organization: 429 with the X-Rate-Limit-* headers, reopened after the interval.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly PdndWorld _world = new(new PdndSandboxSettings { RateLimit = new PdndRateLimit(2, TimeSpan.FromSeconds(1)) });

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Requests_within_the_limit_carry_the_remaining_count()
    {
        using var first = await _world.PostToken(_world.Assertion(_world.Claims()));
        using var second = await _world.PostToken(_world.Assertion(_world.Claims()));

        Assert.Equal(("2", "1", "1000"), RateLimitHeaders(first));
        Assert.Equal(("2", "0", "1000"), RateLimitHeaders(second));
    }

    [Fact]
    public async Task Request_beyond_the_limit_gets_429_with_rate_limit_headers_and_retry_after()
    {
        await Exhaust();

        using var response = await _world.PostToken(_world.Assertion(_world.Claims()));

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(("2", "0", "1000"), RateLimitHeaders(response));
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        var body = await PdndWorld.Json(response);
        Assert.Equal("Too Many Requests", body.GetProperty("title").GetString());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("007-10004", error.GetProperty("code").GetString());
        Assert.Equal($"Requests limit exceeded for organization {_world.OrganizationId}", error.GetProperty("detail").GetString());
        Assert.Equal(new PdndTokenRequestCounts(3, 2, 0, 1, 0), _world.Pdnd.TokenRequests(_world.ClientId));
    }

    [Fact]
    public async Task Limit_reopens_after_the_interval()
    {
        await Exhaust();
        _world.Time.Advance(TimeSpan.FromSeconds(1));

        await _world.Voucher(_world.Assertion(_world.Claims()));
    }

    [Fact]
    public async Task Limit_is_shared_by_the_clients_of_one_organization_only()
    {
        await Exhaust();
        var otherOrganizationClient = Guid.NewGuid();
        _world.Pdnd.RegisterClient(otherOrganizationClient, PdndClientKind.EService, Guid.NewGuid());
        var kid = _world.Pdnd.RegisterKey(otherOrganizationClient, _world.StrangerKey);
        var purposeId = Guid.NewGuid();
        _world.Pdnd.RegisterPurpose(_world.Purpose() with { PurposeId = purposeId, ClientId = otherOrganizationClient });
        var otherClaims = _world.Claims();
        otherClaims["iss"] = otherClaims["sub"] = otherOrganizationClient.ToString();
        otherClaims["purposeId"] = purposeId.ToString();

        using var sameOrganization = await _world.PostToken(PdndWorld.Assertion(_world.ApiClaims(), PdndWorld.Rs256(_world.ApiKey, _world.ApiKid)));
        using var otherOrganization = await _world.PostToken(PdndWorld.Assertion(otherClaims, PdndWorld.Rs256(_world.StrangerKey, kid)));

        Assert.Equal(429, (int)sameOrganization.StatusCode);
        Assert.Equal(200, (int)otherOrganization.StatusCode);
    }

    [Fact]
    public async Task Refused_requests_do_not_consume_the_limit()
    {
        var claims = _world.Claims();
        claims["nbf"] = _world.Now;
        using var refused = await _world.PostToken(_world.Assertion(claims));
        using var alsoRefused = await _world.PostToken(_world.Assertion(claims));

        await Exhaust();
    }

    [Fact]
    public async Task Changing_the_limit_applies_at_once()
    {
        await Exhaust();

        _world.Pdnd.RateLimit = new PdndRateLimit(5, TimeSpan.FromMinutes(1));

        using var response = await _world.PostToken(_world.Assertion(_world.Claims()));
        Assert.Equal(("5", "4", "60000"), RateLimitHeaders(response));
    }

    private async Task Exhaust()
    {
        await _world.Voucher(_world.Assertion(_world.Claims()));
        await _world.Voucher(_world.Assertion(_world.Claims()));
    }

    private static (string Limit, string Remaining, string Interval) RateLimitHeaders(HttpResponseMessage response) =>
        (Header(response, "X-Rate-Limit-Limit"), Header(response, "X-Rate-Limit-Remaining"), Header(response, "X-Rate-Limit-Interval"));

    private static string Header(HttpResponseMessage response, string name) => Assert.Single(response.Headers.GetValues(name));
}
