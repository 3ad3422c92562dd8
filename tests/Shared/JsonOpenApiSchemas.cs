using System.Text.Json;
using System.Text.Json.Nodes;

namespace InteropHub.Testing;

/// <summary>
/// The component schemas of an official GPD OpenAPI document (JSON) and a structural check of JSON against one:
/// types (string, integer, boolean, object, array), required members, enums, and no member the schema does not
/// declare. Formats and patterns are not checked. The JSON counterpart of tests/Shared/OpenApiSchemas.cs.
/// </summary>
internal sealed class JsonOpenApiSchemas
{
    private readonly JsonObject _schemas;

    private JsonOpenApiSchemas(JsonObject schemas) => _schemas = schemas;

    public static readonly JsonOpenApiSchemas V1 = Load("openapi_external_v1.json");

    public static readonly JsonOpenApiSchemas V2 = Load("openapi_external_v2.json");

    /// <summary>Loads one of the official specs the test project copies beside itself (PagoPa/Specs).</summary>
    public static JsonOpenApiSchemas Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "PagoPa", "Specs", fileName);
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return new JsonOpenApiSchemas(document["components"]!["schemas"]!.AsObject());
    }

    public IReadOnlyList<string> Violations(JsonElement json, string schema)
    {
        var violations = new List<string>();
        Check(json, _schemas[schema]!.AsObject(), "$", violations);
        return violations;
    }

    private void Check(JsonElement json, JsonObject schema, string path, List<string> violations)
    {
        if (schema["$ref"] is { } reference)
        {
            Check(json, _schemas[reference.GetValue<string>().Split('/')[^1]]!.AsObject(), path, violations);
            return;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => v!.ToJsonString() == json.GetRawText()))
        {
            violations.Add($"{path}: {json.GetRawText()} is not one of the enum values");
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                if (json.ValueKind != JsonValueKind.Object)
                {
                    violations.Add($"{path}: expected an object, found {json.ValueKind}");
                    return;
                }

                var properties = schema["properties"]?.AsObject() ?? [];
                foreach (var required in schema["required"]?.AsArray() ?? [])
                {
                    if (!json.TryGetProperty(required!.GetValue<string>(), out _))
                    {
                        violations.Add($"{path}: required member '{required}' is missing");
                    }
                }

                foreach (var member in json.EnumerateObject())
                {
                    if (properties[member.Name] is JsonObject memberSchema)
                    {
                        Check(member.Value, memberSchema, $"{path}.{member.Name}", violations);
                    }
                    else
                    {
                        violations.Add($"{path}: member '{member.Name}' is not in the schema");
                    }
                }

                break;
            case "array":
                if (json.ValueKind != JsonValueKind.Array)
                {
                    violations.Add($"{path}: expected an array, found {json.ValueKind}");
                    return;
                }

                var index = 0;
                foreach (var item in json.EnumerateArray())
                {
                    Check(item, schema["items"]!.AsObject(), $"{path}[{index++}]", violations);
                }

                break;
            case "string" when json.ValueKind != JsonValueKind.String:
                violations.Add($"{path}: expected a string, found {json.ValueKind}");
                break;
            case "integer" when json.ValueKind != JsonValueKind.Number || !json.TryGetInt64(out _):
                violations.Add($"{path}: expected an integer, found {json.GetRawText()}");
                break;
            case "boolean" when json.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                violations.Add($"{path}: expected a boolean, found {json.ValueKind}");
                break;
        }
    }
}
