using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.Anpr;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Registry;

/// <summary>/health/ready asks ANPR's /status signed like a real call, against a gateway that answers 401 to anything else.</summary>
public sealed class AnprReadinessTests
{
    [Fact]
    public async Task Anpr_is_ready_when_every_status_answers_a_signed_call_even_under_strict_modi()
    {
        await using var hub = new HubFactory();
        Anpr(hub).SetStrictModi(true);

        var (status, check) = await ReadyAsync(hub);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.Null(Anpr(hub).LastRefusal());
    }

    [Fact]
    public async Task A_wrong_audience_makes_the_hub_not_ready_naming_the_setting()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Adapters:Anpr:EServices:C020:Audience"] = "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND/C020-servizioAccertamentoResidenza/v1/anpr-service-e002",
        });
        Anpr(hub).SetStrictModi("C020", true);

        var (status, check) = await ReadyAsync(hub);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Contains("Adapters:Anpr:EServices:C020:Audience", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static AnprSandbox Anpr(HubFactory hub) => hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.Anpr;

    private static async Task<(HttpStatusCode Status, JsonElement AnprCheck)> ReadyAsync(HubFactory hub)
    {
        using var client = hub.ClientWithKey(null);
        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var check = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "adapter:anpr");
        return (response.StatusCode, check);
    }
}
