using System.Net;
using System.Text;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Api;

/// <summary>Every kind of bad input gets a clear 4xx problem: never a 500, never a stack trace.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new(TestTenants.With(("Hub:MaxRequestBodyBytes", "4096")));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private HttpClient Admin() => _hub.ClientWithKey(TestTenants.AlphaAdminKey);

    [Theory]
    [InlineData("{\"url\": \"https://a.example.it\", ")]
    [InlineData("not json at all")]
    [InlineData("{\"url\": \"https://a.example.it\", \"eventTypes\": [\"payment.*\"]}}")]
    [InlineData("[]")]
    public async Task Malformed_json_is_400_malformed_json(string body)
    {
        using var client = Admin();
        var response = await WebhookRequests.PostAsync(client, body, TestContext.Current.CancellationToken, Guid.NewGuid().ToString());
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task Wrong_type_names_the_field_path()
    {
        using var client = Admin();
        var response = await WebhookRequests.PostAsync(client, """{"url": 42, "eventTypes": ["payment.*"]}""", TestContext.Current.CancellationToken, Guid.NewGuid().ToString());
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Contains("$.url", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_field_is_refused()
    {
        using var client = Admin();
        var response = await WebhookRequests.PostAsync(client, """{"url": "https://a.example.it/h", "eventTypes": ["payment.*"], "isAdmin": true}""", TestContext.Current.CancellationToken, Guid.NewGuid().ToString());
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Contains("isAdmin", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Duplicate_property_is_refused()
    {
        using var client = Admin();
        var response = await WebhookRequests.PostAsync(client, """{"url": "https://a.example.it/h", "url": "http://127.0.0.1/", "eventTypes": ["payment.*"]}""", TestContext.Current.CancellationToken, Guid.NewGuid().ToString());
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task Invalid_values_list_every_offending_field()
    {
        using var client = Admin();
        var response = await WebhookRequests.PostAsync(client, """{"url": "ftp://a.example.it/h", "eventTypes": ["payment.*", "payment.stolen"], "secret": "short"}""", TestContext.Current.CancellationToken, Guid.NewGuid().ToString());
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out _));
        Assert.True(errors.TryGetProperty("eventTypes[1]", out _));
        Assert.True(errors.TryGetProperty("secret", out _));
        Assert.False(errors.TryGetProperty("eventTypes[0]", out _));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("https://user:pass@example.it/hook")]
    [InlineData("javascript:alert(1)")]
    public async Task Hostile_webhook_targets_are_refused(string url)
    {
        using var client = Admin();
        var response = await WebhookRequests.CreateAsync(client, url, TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _));
    }

    [Fact]
    public async Task Missing_body_is_400()
    {
        using var client = Admin();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Content = new StringContent("", Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, (await ProblemCode(response)));
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        using var client = Admin();
        var padding = new string('a', 8192);
        var response = await WebhookRequests.PostAsync(client, $$"""{"url": "https://a.example.it/", "eventTypes": ["payment.*"], "secret": "{{padding}}"}""", TestContext.Current.CancellationToken, Guid.NewGuid().ToString());
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Oversized_chunked_body_is_413()
    {
        using var client = Admin();
        var padding = new string('a', 8192);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"url": "https://a.example.it/", "eventTypes": ["payment.*"], "secret": "{{padding}}"}"""))),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var client = Admin();
        var response = await WebhookRequests.PostAsync(client, """{"url": "https://a.example.it/h", "eventTypes": ["payment.*"]}""", TestContext.Current.CancellationToken, Guid.NewGuid().ToString(), "text/plain");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Missing_idempotency_key_is_400()
    {
        using var client = Admin();
        var response = await WebhookRequests.PostAsync(client, """{"url": "https://a.example.it/h", "eventTypes": ["payment.*"]}""", TestContext.Current.CancellationToken, idempotencyKey: null);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "idempotency-key-missing");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public async Task Unprintable_idempotency_key_is_400(string key)
    {
        using var client = Admin();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks")
        {
            Content = new StringContent("""{"url": "https://a.example.it/h", "eventTypes": ["payment.*"]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "idempotency-key-invalid");
    }

    [Fact]
    public async Task Overlong_idempotency_key_is_400()
    {
        using var client = Admin();
        var response = await WebhookRequests.PostAsync(client, """{"url": "https://a.example.it/h", "eventTypes": ["payment.*"]}""", TestContext.Current.CancellationToken, new string('k', 256));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "idempotency-key-invalid");
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var client = Admin();
        var response = await client.GetAsync("/v1/nothing-here", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        using var client = Admin();
        var response = await client.PutAsync("/v1/webhooks", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Theory]
    [InlineData("/v1/webhooks/not-a-guid")]
    [InlineData("/v1/webhooks/%25%30%30")]
    [InlineData("/v1/webhooks/..%2F..%2Fetc%2Fpasswd")]
    public async Task Hostile_ids_are_4xx(string path)
    {
        using var client = Admin();
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.InRange((int)response.StatusCode, 400, 499);
        await ProblemAssert.IsProblemAsync(response, response.StatusCode, await ProblemCode(response));
    }

    [Theory]
    [InlineData("?after=-1")]
    [InlineData("?limit=0")]
    [InlineData("?limit=100000")]
    public async Task Out_of_range_query_values_are_validation_problems(string query)
    {
        using var client = Admin();
        var response = await client.GetAsync("/v1/events" + query, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData("?after=abc")]
    [InlineData("?limit=1e9")]
    public async Task Unparseable_query_values_are_400(string query)
    {
        using var client = Admin();
        var response = await client.GetAsync("/v1/events" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, await ProblemCode(response));
    }

    private static async Task<string> ProblemCode(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
}
