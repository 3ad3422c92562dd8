using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Api;

public sealed class IdempotencyTests(ConfiguredHubFixture fixture) : IClassFixture<ConfiguredHubFixture>
{
    [Fact]
    public async Task Create_with_same_idempotency_key_returns_stored_response()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var key = Guid.NewGuid().ToString();
        var url = $"https://replay.example.it/{Guid.NewGuid():N}";

        var first = await WebhookRequests.CreateAsync(client, url, ct, key);
        var second = await WebhookRequests.CreateAsync(client, url, ct, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(ct), await second.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Single(await ListWithUrlAsync(client, url, ct));
    }

    [Fact]
    public async Task Same_key_with_another_body_is_422()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var key = Guid.NewGuid().ToString();
        await WebhookRequests.CreateAsync(client, "https://reuse.example.it/one", ct, key);

        var reuse = await WebhookRequests.CreateAsync(client, "https://reuse.example.it/two", ct, key);

        await ProblemAssert.IsProblemAsync(reuse, HttpStatusCode.UnprocessableEntity, "idempotency-key-reuse");
        Assert.Empty(await ListWithUrlAsync(client, "https://reuse.example.it/two", ct));
    }

    [Fact]
    public async Task Keys_belong_to_their_tenant()
    {
        var ct = TestContext.Current.CancellationToken;
        using var alpha = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var beta = fixture.Hub.ClientWithKey(TestTenants.BetaAdminKey);
        var key = Guid.NewGuid().ToString();

        var a = await WebhookRequests.CreateAsync(alpha, "https://shared-key.example.it/a", ct, key);
        var b = await WebhookRequests.CreateAsync(beta, "https://shared-key.example.it/b", ct, key);

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.NotEqual(a.Headers.Location, b.Headers.Location);
    }

    [Fact]
    public async Task Fifty_concurrent_duplicates_execute_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var key = Guid.NewGuid().ToString();
        var url = $"https://concurrent.example.it/{Guid.NewGuid():N}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => WebhookRequests.CreateAsync(client, url, ct, key)));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        var inProgress = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(50, created.Count + inProgress.Count);
        Assert.NotEmpty(created);
        var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync(ct)));
        Assert.Single(bodies.Distinct());
        foreach (var conflict in inProgress)
        {
            await ProblemAssert.IsProblemAsync(conflict, HttpStatusCode.Conflict, "idempotency-in-progress");
        }

        Assert.Single(await ListWithUrlAsync(client, url, ct));
    }

    [Fact]
    public async Task A_refused_request_is_replayed_as_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var key = Guid.NewGuid().ToString();
        var first = await WebhookRequests.CreateAsync(client, "ftp://refused.example.it", ct, key);
        var second = await WebhookRequests.CreateAsync(client, "ftp://refused.example.it", ct, key);
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(ct), await second.Content.ReadAsByteArrayAsync(ct));
    }

    private static async Task<List<JsonElement>> ListWithUrlAsync(HttpClient client, string url, CancellationToken ct) =>
        (await client.GetFromJsonAsync<JsonElement>("/v1/webhooks", ct)).EnumerateArray().Where(w => w.GetProperty("url").GetString() == url).ToList();
}
