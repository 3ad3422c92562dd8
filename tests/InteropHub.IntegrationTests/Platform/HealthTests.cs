using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Platform;

public sealed class HealthTests(ConfiguredHubFixture fixture) : IClassFixture<ConfiguredHubFixture>
{
    [Fact]
    public async Task Live_checks_only_the_process()
    {
        using var client = fixture.Hub.ClientWithKey(null);
        var live = await client.GetFromJsonAsync<JsonElement>("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal(["self"], live.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Ready_checks_database_and_scheduler()
    {
        using var client = fixture.Hub.ClientWithKey(null);
        var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ready = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var checks = ready.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Contains(checks.Keys, k => k.Contains("quartz", StringComparison.OrdinalIgnoreCase));
        // Adapters are off in this hub, so none is checked.
        Assert.DoesNotContain(checks.Keys, k => k.StartsWith("adapter:", StringComparison.Ordinal));
    }
}
