using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Platform;

public sealed class SandboxModeTests
{
    [Fact]
    public async Task Without_tenants_the_hub_serves_the_demo_tenants_with_every_adapter_on_the_sandboxes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = new HubFactory();
        using var client = hub.ClientWithKey("sandbox-key-a");
        var adapters = await client.GetFromJsonAsync<JsonElement>("/v1/admin/adapters", ct);
        Assert.All(adapters.EnumerateArray(), a => Assert.True(a.GetProperty("enabled").GetBoolean()));
        Assert.Contains(adapters.EnumerateArray(), a => a.GetProperty("name").GetString() == "Anpr");
        // The sandboxes answer, so the adapters are ready, not degraded.
        Assert.All(adapters.EnumerateArray(), a => Assert.Equal("Healthy", a.GetProperty("status").GetString()));

        using var b = hub.ClientWithKey("sandbox-key-b");
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/v1/webhooks", ct)).StatusCode);
    }

    [Fact]
    public async Task With_real_tenants_sandbox_mode_is_off_and_demo_keys_do_not_work()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = new HubFactory(TestTenants.Settings());
        using var client = hub.ClientWithKey("sandbox-key-a");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/webhooks", ct), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Forced_sandbox_mode_serves_demo_tenants_beside_real_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = new HubFactory(TestTenants.With(("Hub:Sandbox:Enabled", "true")));
        using var demo = hub.ClientWithKey("sandbox-key-a");
        using var real = hub.ClientWithKey(TestTenants.AlphaAdminKey);
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("/v1/webhooks", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await real.GetAsync("/v1/webhooks", ct)).StatusCode);
    }

    [Fact]
    public async Task Sandbox_mode_accepts_an_explicit_loopback_override()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Adapters:PagoPa:GpdUrl"] = "http://127.0.0.1:9/gpd/debt-positions-service/v1",
        });
        using var client = hub.ClientWithKey("sandbox-key-a");
        var adapters = await client.GetFromJsonAsync<JsonElement>("/v1/admin/adapters", ct);
        // Nothing listens on port 9 (discard): the pagoPA adapter is degraded, and the hub still answers.
        var pagoPa = adapters.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "PagoPa");
        Assert.Equal("Degraded", pagoPa.GetProperty("status").GetString());
    }
}
