using System.Net;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Platform;

public sealed class AdapterGuardTests
{
    [Theory]
    [InlineData("/v1/registry/residents/RSSMRA80A01H501U", "Anpr")]
    [InlineData("/v1/payments", "PagoPa")]
    [InlineData("/v1/reconciliation/flows", "PagoPa")]
    public async Task Routes_of_a_disabled_adapter_answer_503_adapter_disabled(string path, string adapter)
    {
        await using var hub = new HubFactory(TestTenants.With(
            ("Hub:Tenants:0:ApiKeys:0:Scopes:1", "registry:read"),
            ("Hub:Tenants:0:ApiKeys:0:Scopes:2", "payments:read")));
        using var client = hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "adapter-disabled");
        Assert.Contains($"Adapters:{adapter}:Enabled", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_enabled_adapters_are_loaded()
    {
        await using var hub = new HubFactory(TestTenants.With(
            ("Adapters:PagoPa:Enabled", "true"),
            ("Adapters:PagoPa:GpdUrl", "http://127.0.0.1:9/gpd"),
            ("Adapters:PagoPa:GpdReceiptsUrl", "http://127.0.0.1:9/receipts"),
            ("Adapters:PagoPa:BizEventsUrl", "http://127.0.0.1:9/bizevents"),
            ("Adapters:PagoPa:FdrUrl", "http://127.0.0.1:9/fdr")));
        using var client = hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var adapters = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/v1/admin/adapters", TestContext.Current.CancellationToken)).RootElement;
        var enabled = adapters.EnumerateArray().Where(a => a.GetProperty("enabled").GetBoolean()).Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal(["PagoPa"], enabled);
    }
}
