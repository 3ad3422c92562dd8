using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Api;

public sealed class TenantIsolationTests(ConfiguredHubFixture fixture) : IClassFixture<ConfiguredHubFixture>
{
    [Fact]
    public async Task Another_tenants_webhook_is_not_found_for_read_or_delete_and_not_listed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var alpha = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var beta = fixture.Hub.ClientWithKey(TestTenants.BetaAdminKey);
        var created = await WebhookRequests.CreateAsync(alpha, "https://alpha.example.it/hooks", ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();

        await ProblemAssert.IsProblemAsync(await beta.GetAsync($"/v1/webhooks/{id}", ct), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await beta.DeleteAsync($"/v1/webhooks/{id}", ct), HttpStatusCode.NotFound, "not-found");
        var betaList = await beta.GetFromJsonAsync<JsonElement>("/v1/webhooks", ct);
        Assert.DoesNotContain(betaList.EnumerateArray(), w => w.GetProperty("id").GetString() == id);

        // Still there for its owner, because beta's delete touched nothing.
        Assert.Equal(HttpStatusCode.OK, (await alpha.GetAsync($"/v1/webhooks/{id}", ct)).StatusCode);
    }

    [Fact]
    public async Task A_missing_resource_and_another_tenants_resource_look_the_same()
    {
        var ct = TestContext.Current.CancellationToken;
        using var alpha = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var beta = fixture.Hub.ClientWithKey(TestTenants.BetaAdminKey);
        var created = await WebhookRequests.CreateAsync(alpha, "https://alpha.example.it/other", ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();

        var foreign = await ProblemAssert.IsProblemAsync(await beta.GetAsync($"/v1/webhooks/{id}", ct), HttpStatusCode.NotFound, "not-found");
        var missing = await ProblemAssert.IsProblemAsync(await beta.GetAsync($"/v1/webhooks/{Guid.NewGuid()}", ct), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(missing.GetProperty("title").GetString(), foreign.GetProperty("title").GetString());
    }
}
