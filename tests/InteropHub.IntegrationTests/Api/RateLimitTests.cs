using System.Net;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Api;

public sealed class RateLimitTests : IAsyncLifetime
{
    // A bucket of 3 that refills once an hour: the fourth request inside the test is always over the limit.
    private readonly HubFactory _hub = new(TestTenants.With(
        ("Hub:RateLimit:Burst", "3"), ("Hub:RateLimit:PermitsPerPeriod", "1"), ("Hub:RateLimit:Period", "01:00:00")));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Fact]
    public async Task Exhausted_tenant_gets_429_with_retry_after_and_other_tenants_do_not()
    {
        var ct = TestContext.Current.CancellationToken;
        using var alpha = _hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var beta = _hub.ClientWithKey(TestTenants.BetaAdminKey);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alpha.GetAsync("/v1/webhooks", ct)).StatusCode);
        }

        var limited = await alpha.GetAsync("/v1/webhooks", ct);
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.OK, (await beta.GetAsync("/v1/webhooks", ct)).StatusCode);
        // Health stays outside the tenant budget.
        Assert.Equal(HttpStatusCode.OK, (await alpha.GetAsync("/health/live", ct)).StatusCode);
    }
}
