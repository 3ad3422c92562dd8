using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Platform;

public sealed class OpenApiDocumentTests(ConfiguredHubFixture fixture) : IClassFixture<ConfiguredHubFixture>
{
    /// <summary>Set this variable to rewrite the committed copy from the running hub (then review the diff).</summary>
    private const string UpdateVariable = "INTEROPHUB_UPDATE_OPENAPI";

    [Fact]
    public async Task The_committed_document_matches_what_the_hub_serves()
    {
        var served = await ServedAsync();
        var committedPath = Path.Combine(RepositoryRoot(), "contracts", "openapi", "interophub-v1.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(committedPath, served, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committedPath), $"Missing {committedPath}; run the tests once with {UpdateVariable}=1.");
        var committed = await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(served)),
            $"contracts/openapi/interophub-v1.json differs from /openapi/v1.json. Regenerate: {UpdateVariable}=1 dotnet test --project tests/InteropHub.IntegrationTests, and commit the diff.");
    }

    [Fact]
    public async Task Authenticated_operations_declare_the_api_key_scheme_and_problems()
    {
        var document = JsonDocument.Parse(await ServedAsync()).RootElement;
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());

        var create = document.GetProperty("paths").GetProperty("/v1/webhooks").GetProperty("post");
        Assert.True(create.TryGetProperty("security", out _));
        var responses = create.GetProperty("responses");
        foreach (var status in new[] { "201", "400", "401", "403", "409", "422", "429" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"POST /v1/webhooks does not document {status}.");
        }

        Assert.True(responses.GetProperty("401").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.True(problem.TryGetProperty("code", out _));
        Assert.True(problem.TryGetProperty("traceId", out _));
        var health = document.GetProperty("paths").GetProperty("/health/live").GetProperty("get");
        Assert.False(health.TryGetProperty("security", out _));
    }

    [Theory]
    [InlineData("/v1/registry/residents/{fiscalCode}", "get", "200")]
    [InlineData("/v1/registry/residents/{fiscalCode}/residence", "get", "200")]
    [InlineData("/v1/registry/residents/{fiscalCode}/family", "get", "200")]
    [InlineData("/v1/registry/residents/{fiscalCode}/life-status", "get", "200")]
    [InlineData("/v1/registry/verifications", "post", "202")]
    [InlineData("/v1/registry/verifications/{id}", "get", "200")]
    public async Task Registry_answers_carry_an_example_that_uses_only_declared_members(string path, string method, string status)
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var schemas = document["components"]!["schemas"]!;
        var reference = document["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var schema = schemas[reference.Split('/')[^1]]!;

        var example = Assert.Single(schema["examples"]!.AsArray())!;

        AssertDeclared(example, schema, schemas, reference);
    }

    /// <summary>Every member of the example, at every depth, is a property of the schema at that place.</summary>
    private static void AssertDeclared(JsonNode example, JsonNode schema, JsonNode schemas, string where)
    {
        schema = Resolve(schema, schemas);
        if (example is JsonObject members && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in members)
            {
                Assert.True(properties.ContainsKey(name), $"{where}: the example's '{name}' is not a declared property.");
                if (value is not null)
                {
                    AssertDeclared(value, properties[name]!, schemas, $"{where}.{name}");
                }
            }
        }
        else if (example is JsonArray items && schema["items"] is { } itemSchema)
        {
            foreach (var item in items.Where(i => i is not null))
            {
                AssertDeclared(item!, itemSchema, schemas, $"{where}[]");
            }
        }
    }

    /// <summary>Follows a $ref, or the one non-null branch of a nullable oneOf/anyOf.</summary>
    private static JsonNode Resolve(JsonNode schema, JsonNode schemas)
    {
        if (schema["$ref"] is { } reference)
        {
            return Resolve(schemas[reference.GetValue<string>().Split('/')[^1]]!, schemas);
        }

        var branches = (schema["oneOf"] ?? schema["anyOf"])?.AsArray().Where(b => b?["type"]?.ToString() != "null").ToList();
        return branches is [{ } single] ? Resolve(single, schemas) : schema;
    }

    private async Task<string> ServedAsync()
    {
        using var client = fixture.Hub.ClientWithKey(null);
        return await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InteropHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("InteropHub.sln not found above the test binaries.");
    }
}
