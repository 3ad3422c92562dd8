using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Platform;

public sealed class RequestIdTests(ConfiguredHubFixture fixture) : IClassFixture<ConfiguredHubFixture>
{
    [Fact]
    public async Task A_sane_request_id_is_echoed()
    {
        using var client = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/webhooks");
        request.Headers.Add("X-Request-Id", "gestionale-42.abc");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("gestionale-42.abc", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task A_request_id_is_generated_when_absent_and_appears_in_problems()
    {
        using var client = fixture.Hub.ClientWithKey(null);
        var response = await client.GetAsync("/v1/webhooks", TestContext.Current.CancellationToken);
        var id = response.Headers.GetValues("X-Request-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", id);
        var problem = await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(id, problem.GetProperty("requestId").GetString());
    }

    [Theory]
    [InlineData("contains space")]
    [InlineData("<script>")]
    public async Task A_hostile_request_id_is_replaced(string hostile)
    {
        using var client = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/webhooks");
        request.Headers.TryAddWithoutValidation("X-Request-Id", hostile);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.NotEqual(hostile, response.Headers.GetValues("X-Request-Id").Single());
    }
}
