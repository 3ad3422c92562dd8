using System.Net;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Api;

public sealed class AuthenticationTests(ConfiguredHubFixture fixture) : IClassFixture<ConfiguredHubFixture>
{
    [Fact]
    public async Task Request_without_key_is_401_with_a_challenge()
    {
        using var client = fixture.Hub.ClientWithKey(null);
        var response = await client.GetAsync("/v1/admin/jobs", TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("alpha-admin-key ")]
    [InlineData("ALPHA-ADMIN-KEY")]
    public async Task Unknown_key_is_401(string key)
    {
        using var client = fixture.Hub.ClientWithKey(key);
        var response = await client.GetAsync("/v1/admin/jobs", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Oversized_key_is_401_without_lookup_trouble()
    {
        using var client = fixture.Hub.ClientWithKey(new string('k', 10_000));
        var response = await client.GetAsync("/v1/admin/jobs", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Key_without_the_scope_is_403_naming_the_scope()
    {
        using var client = fixture.Hub.ClientWithKey(TestTenants.AlphaRegistryKey);
        var response = await client.GetAsync("/v1/admin/jobs", TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("'admin'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Key_with_the_scope_is_let_in()
    {
        using var client = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var response = await client.GetAsync("/v1/admin/jobs", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Registry_scope_reaches_registry_routes_but_payments_scope_does_not()
    {
        using var registry = fixture.Hub.ClientWithKey(TestTenants.AlphaRegistryKey);
        using var payments = fixture.Hub.ClientWithKey(TestTenants.AlphaPaymentsKey);
        var allowed = await registry.GetAsync("/v1/registry/residents/RSSMRA80A01H501U", TestContext.Current.CancellationToken);
        var refused = await payments.GetAsync("/v1/registry/residents/RSSMRA80A01H501U", TestContext.Current.CancellationToken);
        // The ANPR adapter is off in this hub: past authorization the answer is adapter-disabled.
        await ProblemAssert.IsProblemAsync(allowed, HttpStatusCode.ServiceUnavailable, "adapter-disabled");
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Presented_keys_never_reach_the_logs()
    {
        using var known = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var unknown = fixture.Hub.ClientWithKey("guessed-key-4711");
        await known.GetAsync("/v1/webhooks", TestContext.Current.CancellationToken);
        await unknown.GetAsync("/v1/webhooks", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(TestTenants.AlphaAdminKey, fixture.Hub.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("guessed-key-4711", fixture.Hub.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_openapi_need_no_key()
    {
        using var client = fixture.Hub.ClientWithKey(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).StatusCode);
    }
}
