using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Api;

/// <summary>Every error is a problem document whatever the client's Accept: an Accept the hub cannot honour never turns a 401 into a 500.</summary>
public sealed class ProblemAcceptTests : IAsyncLifetime
{
    // Every operation is called once per Accept below, anonymously: well within this hub's anonymous budget.
    private readonly HubFactory _hub = new(new Dictionary<string, string?> { ["Hub:AnonymousRateLimit:Burst"] = "1000" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [Fact]
    public async Task Anonymous_calls_to_every_v1_operation_answer_401_problems_for_any_accept()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 29, $"Only {operations.Count} /v1 operations in the document.");
        using var client = _hub.ClientWithKey(null);
        foreach (var accept in new[] { "text/plain", "text/html", "image/png", "application/xml", "application/json;q=0" })
        {
            foreach (var (method, path) in operations)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                request.Headers.TryAddWithoutValidation("Accept", accept);
                var response = await client.SendAsync(request, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with Accept {accept}: {(int)response.StatusCode}");
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
            }
        }
    }

    [Theory]
    [InlineData("/v1/payments/0f8fad5b-d9cb-469f-a165-70867728950e", "text/plain", HttpStatusCode.NotFound, "not-found")]
    [InlineData("/v1/payments/0f8fad5b-d9cb-469f-a165-70867728950e/qr", "image/png", HttpStatusCode.NotFound, "not-found")]
    [InlineData("/v1/payments/0f8fad5b-d9cb-469f-a165-70867728950e/notice", "application/pdf", HttpStatusCode.NotFound, "not-found")]
    [InlineData("/v1/nothing-here", "text/html", HttpStatusCode.NotFound, "not-found")]
    [InlineData("/v1/payments?page=0", "text/csv", HttpStatusCode.BadRequest, "validation-failed")]
    public async Task Authenticated_errors_are_problems_for_any_accept(string path, string accept, HttpStatusCode status, string code)
    {
        using var client = _hub.ClientWithKey("sandbox-key-a");
        client.DefaultRequestHeaders.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));

        var response = await client.GetAsync(path, Ct);

        await ProblemAssert.IsProblemAsync(response, status, code);
    }

    /// <summary>Method and a callable path of every <c>/v1</c> operation the hub documents.</summary>
    private async Task<List<(string Method, string Path)>> OperationsAsync()
    {
        using var client = _hub.ClientWithKey(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));
        var operations = new List<(string, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                var callable = path.Name;
                foreach (var parameter in operation.Value.TryGetProperty("parameters", out var all) ? all.EnumerateArray() : default)
                {
                    if (parameter.GetProperty("in").GetString() == "path")
                    {
                        callable = callable.Replace("{" + parameter.GetProperty("name").GetString() + "}", Sample(parameter.GetProperty("schema")), StringComparison.Ordinal);
                    }
                }

                operations.Add((operation.Name.ToUpperInvariant(), callable));
            }
        }

        return operations;
    }

    private static string Sample(JsonElement schema)
    {
        var type = schema.TryGetProperty("type", out var t) ? t.ToString() : "";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format == "uuid" ? "0f8fad5b-d9cb-469f-a165-70867728950e"
            : type.Contains("integer", StringComparison.Ordinal) ? "1"
            : "RSSMRA80A01H501U";
    }
}
