using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Registry;

/// <summary>What the registry API refuses at the edge: nothing reaches ANPR for a request that cannot be right.</summary>
public sealed class RegistryEdgeTests : IAsyncLifetime
{
    private const string Valid = "RSSMRA80A01H501U";
    private readonly HubFactory _hub = new();

    public ValueTask InitializeAsync()
    {
        _ = _hub.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Theory]
    [InlineData("RSSMRA80A01H501X")] // wrong check character
    [InlineData("RSSMRA80B31H501W")] // check character right, but 31 February (month B) is no date
    [InlineData("80015010723")] // a legal person's code
    [InlineData("RSSMRA80A01H50")]
    [InlineData("RSS-RA80A01H501U")]
    [InlineData("%27%20OR%201=1--")]
    public async Task An_invalid_fiscal_code_is_400_and_costs_anpr_nothing(string code)
    {
        var response = await SendAsync($"/v1/registry/residents/{code}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-fiscal-code");
        Assert.Equal(0, await AnprRequestsAsync());
    }

    [Theory]
    [InlineData(null, "PROT-1")]
    [InlineData("op-7", null)]
    [InlineData("   ", "PROT-1")]
    public async Task A_read_without_operator_or_reason_is_422(string? operatorId, string? reason)
    {
        var response = await SendAsync($"/v1/registry/residents/{Valid}/residence", operatorId, reason);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "missing-header");
        Assert.Contains(operatorId is null or "   " ? "X-Operator-Id" : "X-Request-Reason", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await AnprRequestsAsync());
    }

    [Fact]
    public async Task An_overlong_reason_is_422()
    {
        var response = await SendAsync($"/v1/registry/residents/{Valid}", "op-7", new string('r', 201));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "missing-header");
    }

    [Theory]
    [InlineData("2999-01-01")]
    [InlineData("01/02/2024")]
    [InlineData("2024-02-30")]
    public async Task A_future_or_malformed_reference_date_is_400(string at)
    {
        var response = await SendAsync($"/v1/registry/residents/{Valid}/family?at={at}");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("at", out _));
        Assert.Equal(0, await AnprRequestsAsync());
    }

    [Fact]
    public async Task Lower_case_and_spaces_are_accepted_as_the_same_code()
    {
        // The request passes the edge (whatever ANPR then answers), so it is not a 400.
        var response = await SendAsync($"/v1/registry/residents/%20{Valid.ToLowerInvariant()}%20/life-status");
        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task A_registry_key_is_required()
    {
        using var client = _hub.ClientWithKey(null);
        var response = await client.GetAsync($"/v1/registry/residents/{Valid}", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? operatorId = "op-7", string? reason = "PROT-2026-0001")
    {
        using var client = _hub.ClientWithKey("sandbox-key-a");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (operatorId is not null)
        {
            request.Headers.Add("X-Operator-Id", operatorId);
        }

        if (reason is not null)
        {
            request.Headers.Add("X-Request-Reason", reason);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Requests the ANPR sandbox received, from WireMock's own request log.</summary>
    private async Task<int> AnprRequestsAsync()
    {
        var anpr = _hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.AnprUrl;
        using var http = new HttpClient();
        var requests = await http.GetFromJsonAsync<JsonElement>(new Uri(anpr, "__admin/requests"), TestContext.Current.CancellationToken);
        return requests.EnumerateArray().Count(r => !r.GetProperty("Request").GetProperty("Path").GetString()!.StartsWith("/__", StringComparison.Ordinal));
    }
}
