using System.Net;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Api;

/// <summary>
/// Unauthenticated traffic is limited per client address before authentication (<c>Hub:AnonymousRateLimit</c>):
/// missing and wrong keys draw on the address's bucket, valid keys never do; an empty bucket answers 429 problems
/// with Retry-After and logs one short line.
/// </summary>
public sealed class AnonymousRateLimitTests : IAsyncLifetime
{
    private const string WrongKey = "ihk_guessed-key-0123456789abcdefghij";

    // A bucket of 3 that refills once an hour: the fourth unauthenticated request inside a test is always over it.
    private readonly HubFactory _hub = new(TestTenants.With(
        ("Hub:AnonymousRateLimit:Burst", "3"), ("Hub:AnonymousRateLimit:PermitsPerPeriod", "1"), ("Hub:AnonymousRateLimit:Period", "01:00:00")));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Fact]
    public async Task Missing_and_wrong_keys_exhaust_the_address_and_then_get_429_with_retry_after_and_one_log_line()
    {
        using var anonymous = _hub.ClientWithKey(null);
        using var wrong = _hub.ClientWithKey(WrongKey);
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/v1/webhooks", Ct), HttpStatusCode.Unauthorized, "unauthenticated");
        await ProblemAssert.IsProblemAsync(await wrong.GetAsync("/v1/webhooks", Ct), HttpStatusCode.Unauthorized, "unauthenticated");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/v1/nothing-here", Ct), HttpStatusCode.NotFound, "not-found");

        for (var i = 0; i < 5; i++)
        {
            var limited = await (i % 2 == 0 ? anonymous : wrong).GetAsync("/v1/webhooks", Ct);
            var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
            Assert.Contains("unauthenticated", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        }

        var lines = _hub.Logs.Text.Split('\n').Where(l => l.Contains("Refusing unauthenticated requests", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.True(line.Length < 600, line);
        Assert.DoesNotContain("guessed-key", _hub.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _hub.Logs.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", Ct)).StatusCode);
    }

    [Fact]
    public async Task Authenticated_requests_never_draw_on_the_anonymous_budget()
    {
        using var admin = _hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var registry = _hub.ClientWithKey(TestTenants.AlphaRegistryKey);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/events", Ct)).StatusCode);
            // A valid key without the scope is still authenticated: 403, not an anonymous request.
            await ProblemAssert.IsProblemAsync(await registry.GetAsync("/v1/admin/jobs", Ct), HttpStatusCode.Forbidden, "forbidden");
        }

        using var anonymous = _hub.ClientWithKey(null);
        for (var i = 0; i < 3; i++)
        {
            await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/v1/webhooks", Ct), HttpStatusCode.Unauthorized, "unauthenticated");
        }

        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/v1/webhooks", Ct), HttpStatusCode.TooManyRequests, "rate-limited");
    }

    [Fact]
    public async Task Many_parallel_keyless_callers_get_exactly_the_burst_through()
    {
        using var anonymous = _hub.ClientWithKey(null);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => anonymous.GetAsync("/v1/payments", Ct)));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(37, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var limited in answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests))
        {
            await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
        }
    }

    [Fact]
    public async Task Refused_keys_log_nothing_of_their_own_even_at_information()
    {
        await using var hub = new HubFactory(TestTenants.With(("Logging:LogLevel:Default", "Information")));
        using var wrong = hub.ClientWithKey(WrongKey);

        for (var i = 0; i < 5; i++)
        {
            await ProblemAssert.IsProblemAsync(await wrong.GetAsync("/v1/webhooks", Ct), HttpStatusCode.Unauthorized, "unauthenticated");
        }

        Assert.DoesNotContain("InteropHub.Host.Auth", hub.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not authenticated", hub.Logs.Text, StringComparison.Ordinal);
    }
}
