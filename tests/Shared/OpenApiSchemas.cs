using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace InteropHub.Testing;

/// <summary>
/// The component schemas of an official OpenAPI document and a structural check of JSON against one of them: types
/// (string, integer, boolean, object, array), required members, enums, and no member the schema does not declare (the
/// specs leave additionalProperties open, but neither the hub nor a sandbox should invent fields). Formats and
/// patterns are not checked, as the platforms' gateways do not check them either. ANPR's specs are YAML (copied to
/// Anpr/Specs), GPD's are JSON (PagoPa/Specs); YAML is turned into JSON at load, so one checker serves both.
/// </summary>
internal sealed class OpenApiSchemas
{
    private static readonly Lazy<OpenApiSchemas> Gpd1 = new(() => Load("openapi_external_v1.json"));
    private static readonly Lazy<OpenApiSchemas> Gpd2 = new(() => Load("openapi_external_v2.json"));
    private static readonly Lazy<OpenApiSchemas> Fdr = new(() => Load("fdr_organization.json"));
    private static readonly Lazy<OpenApiSchemas> Biz = new(() => Load("biz_events.json"));
    private static readonly Lazy<OpenApiSchemas> GpdReceipts = new(() => Load("gpd_payments.json"));
    private readonly JsonObject _schemas;

    private OpenApiSchemas(JsonObject schemas) => _schemas = schemas;

    /// <summary>GPD's external API v1.</summary>
    public static OpenApiSchemas GpdV1 => Gpd1.Value;

    /// <summary>GPD's external API v2 (bulk).</summary>
    public static OpenApiSchemas GpdV2 => Gpd2.Value;

    /// <summary>FdR's API for organizations (reporting flows).</summary>
    public static OpenApiSchemas FdrOrganization => Fdr.Value;

    /// <summary>Biz-Events' receipts API.</summary>
    public static OpenApiSchemas BizEvents => Biz.Value;

    /// <summary>GPD-payments' receipts API.</summary>
    public static OpenApiSchemas GpdPayments => GpdReceipts.Value;

    /// <summary>An ANPR spec (<c>.yaml</c>, from Anpr/Specs) or a GPD spec (<c>.json</c>, from PagoPa/Specs) copied beside the tests.</summary>
    public static OpenApiSchemas Load(string fileName)
    {
        var yaml = fileName.EndsWith(".yaml", StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, yaml ? "Anpr" : "PagoPa", "Specs", fileName));
        var json = yaml ? new SerializerBuilder().JsonCompatible().Build().Serialize(new DeserializerBuilder().Build().Deserialize<object>(text)!) : text;
        return new OpenApiSchemas(JsonNode.Parse(json)!["components"]!["schemas"]!.AsObject());
    }

    /// <summary>Every violation of <paramref name="json"/> against the named schema; empty when it conforms.</summary>
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
