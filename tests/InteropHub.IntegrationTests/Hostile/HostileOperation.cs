using System.Text.Json.Nodes;

namespace InteropHub.IntegrationTests.Hostile;

/// <summary>One operation of the hub's OpenAPI document, as the hostile suite needs it.</summary>
internal sealed record HostileOperation(
    string Method,
    string Template,
    bool Anonymous,
    IReadOnlyList<(string Name, string? Type)> PathParameters,
    IReadOnlyList<string> QueryParameters,
    JsonObject? JsonBody)
{
    public override string ToString() => $"{Method} {Template}";

    /// <summary>The path with a plausible value in every parameter, or <paramref name="junk"/> in one of them.</summary>
    public string Path((string Name, string Value)? junk)
    {
        var path = Template;
        foreach (var (name, type) in PathParameters)
        {
            var value = junk is { } j && j.Name == name ? j.Value : Plausible(name, type);
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path;
    }

    // A value of the right shape that names nothing the hub holds, so only the hostile part can matter.
    private static string Plausible(string name, string? type) => (name, type) switch
    {
        (_, "integer") => "987654",
        ("fiscalCode", _) => "RSSMRA80A01H501U",
        ("name", _) => "no-such-job",
        _ => "0192c0de-0000-7000-8000-000000000000",
    };
}

/// <summary>What a hostile case must get back.</summary>
internal sealed record Expect(IReadOnlyList<int>? Statuses, bool ClientError, string? Named)
{
    /// <summary>Anything but a 5xx.</summary>
    public static Expect NoServerError { get; } = new(null, false, null);

    /// <summary>A 4xx.</summary>
    public static Expect Client { get; } = new(null, true, null);

    public static Expect Status(params int[] statuses) => new(statuses, true, null);

    /// <summary>The problem's <c>detail</c> names <paramref name="member"/>.</summary>
    public Expect Naming(string member) => this with { Named = member };
}

/// <summary>One hostile request and what it must get back.</summary>
internal sealed record HostileCase(string What, Expect Expect, Func<HttpRequestMessage> Request);

/// <summary>The operations of the committed <c>contracts/openapi/interophub-v1.json</c>.</summary>
internal static class HostileOperationSource
{
    /// <summary>The key the suite authenticates with: sandbox mode's first demo comune, every scope.</summary>
    public const string Key = "sandbox-key-a";

    public static IReadOnlyList<HostileOperation> Operations { get; } = Load();

    private static List<HostileOperation> Load()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "contracts", "openapi", "interophub-v1.json")))!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<HostileOperation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject().Where(o => o.Key != "parameters"))
            {
                var operation = node!.AsObject();
                var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).ToList();
                var security = operation["security"] ?? document["security"];
                operations.Add(new(
                    method.ToUpperInvariant(),
                    template,
                    security is not JsonArray { Count: > 0 },
                    [.. parameters.Where(p => (string?)p["in"] == "path").Select(p => ((string)p["name"]!, Type(p["schema"])))],
                    [.. parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!)],
                    JsonBody(operation, schemas)));
            }
        }

        return operations;
    }

    // The schema's own example when it has one, else an object with a value of the declared type in every member.
    private static JsonObject? JsonBody(JsonObject operation, JsonObject schemas)
    {
        if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is not JsonObject schema)
        {
            return null;
        }

        var resolved = schema["$ref"] is { } reference ? schemas[((string)reference!).Split('/')[^1]]!.AsObject() : schema;
        if (resolved["examples"] is JsonArray { Count: > 0 } examples && examples[0] is JsonObject example)
        {
            return example.DeepClone().AsObject();
        }

        var body = new JsonObject();
        foreach (var (name, property) in resolved["properties"]?.AsObject() ?? [])
        {
            var type = Type(property);
            body[name] = type switch
            {
                "integer" => 1,
                "array" => new JsonArray(),
                "object" => new JsonObject(),
                _ => (string?)property?["format"] switch
                {
                    "date" => "2026-12-31",
                    "date-time" => "2026-12-31T12:00:00Z",
                    _ => "text",
                },
            };
        }

        return body;
    }

    // The first non-null type of a schema ("type" may be a list such as ["null", "integer", "string"]).
    private static string? Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray many => many.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue one => (string?)one,
        _ => null,
    };

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "InteropHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("InteropHub.sln not found above the test binaries.");
    }
}
