using System.Net;
using InteropHub.Host.Configuration;
using InteropHub.Host.Webhooks;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace InteropHub.Host.Tests.Webhooks;

public sealed class WebhookConnectorTests
{
    [Fact]
    public async Task A_connection_to_a_loopback_address_is_refused_unless_allowed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = WireMockServer.Start();
        server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200));

        using var refusing = Client(new WebhookTargetOptions());
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => refusing.GetAsync(server.Url, ct));
        Assert.Contains("target refused", refused.InnerException?.Message ?? refused.Message, StringComparison.Ordinal);
        Assert.Empty(server.LogEntries);

        using var allowing = Client(new WebhookTargetOptions { AllowLoopbackTargets = true });
        using var response = await allowing.GetAsync(server.Url, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.0.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.100.100.200", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("::ffff:0:10.0.0.1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    [InlineData("224.0.0.251", false)]
    [InlineData("239.255.255.250", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("64:ff9b::127.0.0.1", false)]
    [InlineData("64:ff9b::10.0.0.1", false)]
    [InlineData("64:ff9b::169.254.169.254", false)]
    [InlineData("64:ff9b:1::93.184.215.14", false)]
    [InlineData("2002:7f00:1::1", false)]
    [InlineData("2002:a00:1::1", false)]
    [InlineData("2002:e000:1::1", false)]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", true)]
    [InlineData("64:ff9b::93.184.215.14", true)]
    [InlineData("2002:5db8:d70e::1", true)]
    [InlineData("2001:0:4136:e378:8000:63bf:a247:28f1", true)]
    public void Resolved_addresses_follow_the_target_policy(string address, bool allowed)
    {
        Assert.Equal(allowed, WebhookTargetPolicy.IsAllowed(IPAddress.Parse(address), new WebhookTargetOptions()));
    }

    private static HttpClient Client(WebhookTargetOptions webhooks)
    {
        var connector = new WebhookConnector(new FixedMonitor(new HubOptions { Webhooks = webhooks }), new SystemWebhookHostLookup());
        return new HttpClient(new SocketsHttpHandler { ConnectCallback = connector.ConnectAsync, UseProxy = false });
    }

    private sealed class FixedMonitor(HubOptions value) : IOptionsMonitor<HubOptions>
    {
        public HubOptions CurrentValue => value;

        public HubOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HubOptions, string?> listener) => null;
    }
}
