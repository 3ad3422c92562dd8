using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Host.Webhooks;
using InteropHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.IntegrationTests.Webhooks;

/// <summary>
/// The real hub delivering to a loopback receiver, with its clock faked and its delivery loop replaced by the test
/// calling <see cref="WebhookDispatcher.RunOnceAsync"/>, so retries are driven by moving time, not by waiting.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "whsec_integration-test-secret";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private HubFactory _hub = null!;
    private WebApplicationFactory<Program> _clocked = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceProvider Services => _clocked.Services;

    public ValueTask InitializeAsync()
    {
        _hub = new HubFactory(TestTenants.With(
            ("Hub:Webhooks:AllowLoopbackTargets", "true"),
            ("Hub:Webhooks:Delivery:InitialRetryDelay", "00:00:10"),
            ("Hub:Webhooks:Delivery:MaxRetryDelay", "00:01:00"),
            ("Hub:Webhooks:Delivery:RetryWindow", "00:10:00")));
        _clocked = _hub.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WebhookDeliveryService)));
        }));
        _ = _clocked.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _clocked.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task The_receiver_gets_the_stored_event_as_in_the_feed_signed_with_the_secret()
    {
        using var receiver = new WebhookReceiver(_ => 200);
        using var alpha = Client(TestTenants.AlphaAdminKey);
        var subscription = await SubscribeAsync(alpha, receiver.Url);
        await PublishAsync("alpha", EventTypes.PaymentPaid, "payments/p-1", """{"amountCents":1500,"iuv":"01234567890123456"}""");

        Assert.Equal(1, await RunOnceAsync());

        var received = Assert.Single(receiver.Received);
        var feed = await alpha.GetFromJsonAsync<JsonElement>("/v1/events?after=0", Ct);
        var item = feed.GetProperty("events").EnumerateArray().Single();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(item.GetRawText()), JsonNode.Parse(received.Body)));
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(item.GetProperty("id").GetString(), received.Headers["X-InteropHub-Event-Id"]);
        Assert.Equal(EventTypes.PaymentPaid, received.Headers["X-InteropHub-Event-Type"]);
        var timestamp = received.Headers["X-InteropHub-Timestamp"];
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. received.Body]));
        Assert.Equal($"t={timestamp},v1={expected}", received.Headers["X-InteropHub-Signature"]);

        var delivered = Assert.Single(await DeliveriesAsync(alpha, subscription, "delivered"));
        Assert.Equal(200, delivered.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(1, delivered.GetProperty("attempts").GetInt32());
        Assert.Equal(0, await RunOnceAsync());
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_event_on_the_third_attempt_after_backoff()
    {
        using var receiver = new WebhookReceiver(n => n <= 2 ? 503 : 204);
        using var alpha = Client(TestTenants.AlphaAdminKey);
        var subscription = await SubscribeAsync(alpha, receiver.Url);
        await PublishAsync("alpha", EventTypes.PaymentCreated, "payments/p-2", """{"n":1}""");

        Assert.Equal(1, await RunOnceAsync());
        var pending = Assert.Single(await DeliveriesAsync(alpha, subscription, "pending"));
        Assert.Equal(503, pending.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal("HTTP 503", pending.GetProperty("lastError").GetString());
        Assert.Equal(0, await RunOnceAsync());

        _time.SetUtcNow(pending.GetProperty("nextAttemptAt").GetDateTimeOffset());
        Assert.Equal(1, await RunOnceAsync());
        _time.SetUtcNow(Assert.Single(await DeliveriesAsync(alpha, subscription, "pending")).GetProperty("nextAttemptAt").GetDateTimeOffset());
        Assert.Equal(1, await RunOnceAsync());

        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal(receiver.Received[0].Body, r.Body));
        var delivered = Assert.Single(await DeliveriesAsync(alpha, subscription, "delivered"));
        Assert.Equal((3, 204), (delivered.GetProperty("attempts").GetInt32(), delivered.GetProperty("lastStatusCode").GetInt32()));
    }

    [Fact]
    public async Task A_delivery_failing_through_the_retry_window_is_listed_as_dead()
    {
        using var receiver = new WebhookReceiver(_ => 500);
        using var alpha = Client(TestTenants.AlphaAdminKey);
        var subscription = await SubscribeAsync(alpha, receiver.Url);
        await PublishAsync("alpha", EventTypes.PaymentExpired, "payments/p-3", "{}");
        var first = _time.GetUtcNow();

        for (var round = 0; round < 40 && (await DeliveriesAsync(alpha, subscription, "dead")).Count == 0; round++)
        {
            await RunOnceAsync();
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var dead = Assert.Single(await DeliveriesAsync(alpha, subscription, "dead"));
        Assert.Empty(await DeliveriesAsync(alpha, subscription, "pending"));
        Assert.Equal(first.AddMinutes(10), dead.GetProperty("deadLetteredAt").GetDateTimeOffset());
        Assert.Equal(receiver.Received.Count, dead.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Another_tenants_deliveries_answer_404_and_a_bad_status_filter_400()
    {
        using var receiver = new WebhookReceiver(_ => 200);
        using var alpha = Client(TestTenants.AlphaAdminKey);
        using var beta = Client(TestTenants.BetaAdminKey);
        var subscription = await SubscribeAsync(alpha, receiver.Url);

        using var foreign = await beta.GetAsync($"/v1/webhooks/{subscription}/deliveries", Ct);
        using var badStatus = await alpha.GetAsync($"/v1/webhooks/{subscription}/deliveries?status=failed", Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task Events_of_another_tenant_or_of_unsubscribed_types_are_not_delivered_and_a_deleted_subscription_stops()
    {
        using var receiver = new WebhookReceiver(_ => 200);
        using var alpha = Client(TestTenants.AlphaAdminKey);
        var subscription = await SubscribeAsync(alpha, receiver.Url);
        await PublishAsync("beta", EventTypes.PaymentPaid, "payments/b-1", "{}");
        await PublishAsync("alpha", EventTypes.RegistrySignal, "signals/1", "{}");
        Assert.Equal(0, await RunOnceAsync());

        using var deleted = await alpha.DeleteAsync($"/v1/webhooks/{subscription}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await PublishAsync("alpha", EventTypes.PaymentPaid, "payments/a-1", "{}");

        Assert.Equal(0, await RunOnceAsync());
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_target_the_policy_no_longer_allows_is_not_contacted_at_delivery_time()
    {
        using var receiver = new WebhookReceiver(_ => 200);
        using var alpha = Client(TestTenants.AlphaAdminKey);
        var subscription = await SubscribeAsync(alpha, receiver.Url);
        var configuration = (Microsoft.Extensions.Configuration.IConfigurationRoot)Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        configuration["Hub:Webhooks:AllowLoopbackTargets"] = "false";
        configuration.Reload();
        await PublishAsync("alpha", EventTypes.PaymentPaid, "payments/p-4", "{}");

        Assert.Equal(1, await RunOnceAsync());

        Assert.Empty(receiver.Received);
        var pending = Assert.Single(await DeliveriesAsync(alpha, subscription, "pending"));
        Assert.StartsWith("target refused", pending.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    private HttpClient Client(string apiKey)
    {
        var client = _clocked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    private static async Task<Guid> SubscribeAsync(HttpClient client, string url)
    {
        using var created = await WebhookRequests.PostAsync(
            client, $$"""{"url":"{{url}}","eventTypes":["payment.*"],"secret":"{{Secret}}"}""", Ct, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private Task PublishAsync(string tenant, string type, string subject, string data) =>
        Services.GetRequiredService<IEventPublisher>().PublishAsync(new HubEvent(TenantId.Parse(tenant), type, subject, data, Guid.NewGuid().ToString()), Ct);

    private Task<int> RunOnceAsync() => Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(Ct);

    private static async Task<List<JsonElement>> DeliveriesAsync(HttpClient client, Guid subscription, string status)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{subscription}/deliveries?status={status}", Ct);
        return [.. page.GetProperty("deliveries").EnumerateArray()];
    }
}
