using System.Net;
using System.Text.Json;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Webhooks;

public sealed class WebhookDeliveryLoopTests
{
    [Fact]
    public async Task The_running_hub_delivers_a_new_event_without_being_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = new HubFactory(TestTenants.With(
            ("Hub:Webhooks:AllowLoopbackTargets", "true"),
            ("Hub:Webhooks:Delivery:PollInterval", "00:00:00.100")));
        using var receiver = new WebhookReceiver(_ => 200);
        using var alpha = hub.ClientWithKey(TestTenants.AlphaAdminKey);
        using var created = await WebhookRequests.CreateAsync(alpha, receiver.Url, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await hub.Services.GetRequiredService<IEventPublisher>()
            .PublishAsync(new HubEvent(TenantId.Parse("alpha"), EventTypes.PaymentPaid, "payments/loop", """{"n":7}""", "loop-1"), ct);

        var received = await receiver.FirstAsync.WaitAsync(Polling.DefaultLimit, ct);
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal(7, body.RootElement.GetProperty("data").GetProperty("n").GetInt32());
    }
}
