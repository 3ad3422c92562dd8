using System.Text.Json;
using YamlDotNet.Serialization;

namespace InteropHub.Testing;

/// <summary>
/// The component schemas of an official ANPR OpenAPI document, and a structural check of JSON against one of them:
/// types, required members, enums, and no member the schema does not declare (the specs leave
/// additionalProperties open, but the sandbox should not invent fields). Formats such as ANPR's non-standard
/// "YYYY-MM-DD" are not checked, as GovWay does not check them either.
/// </summary>
internal sealed class OpenApiSchemas
{
    private readonly Dictionary<object, object> _schemas;

    private OpenApiSchemas(Dictionary<object, object> schemas) => _schemas = schemas;

    public static OpenApiSchemas Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Anpr", "Specs", fileName);
        var document = (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(path))!;
        var components = (Dictionary<object, object>)document["components"];
        return new OpenApiSchemas((Dictionary<object, object>)components["schemas"]);
    }

    /// <summary>Every violation of <paramref name="json"/> against the named schema; empty when it conforms.</summary>
    public IReadOnlyList<string> Violations(JsonElement json, string schema)
    {
        var violations = new List<string>();
        Check(json, Schema(schema), "$", violations);
        return violations;
    }

    private Dictionary<object, object> Schema(string name) => (Dictionary<object, object>)_schemas[name];

    private void Check(JsonElement json, Dictionary<object, object> schema, string path, List<string> violations)
    {
        if (schema.TryGetValue("$ref", out var reference))
        {
            Check(json, Schema(((string)reference).Split('/')[^1]), path, violations);
            return;
        }

        if (schema.TryGetValue("enum", out var values) && !((List<object>)values).Contains(json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText()))
        {
            violations.Add($"{path}: {json.GetRawText()} is not one of the enum values");
        }

        switch (schema.GetValueOrDefault("type") as string)
        {
            case "object":
                if (json.ValueKind != JsonValueKind.Object)
                {
                    violations.Add($"{path}: expected an object, found {json.ValueKind}");
                    return;
                }

                var properties = schema.TryGetValue("properties", out var declared) ? (Dictionary<object, object>)declared : [];
                foreach (var required in schema.TryGetValue("required", out var list) ? (List<object>)list : [])
                {
                    if (!json.TryGetProperty((string)required, out _))
                    {
                        violations.Add($"{path}: required member '{required}' is missing");
                    }
                }

                foreach (var member in json.EnumerateObject())
                {
                    if (properties.TryGetValue(member.Name, out var memberSchema))
                    {
                        Check(member.Value, (Dictionary<object, object>)memberSchema, $"{path}.{member.Name}", violations);
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
                    Check(item, (Dictionary<object, object>)schema["items"], $"{path}[{index++}]", violations);
                }

                break;
            case "string" when json.ValueKind != JsonValueKind.String:
                violations.Add($"{path}: expected a string, found {json.ValueKind}");
                break;
        }
    }
}
