using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InteropHub.Testing;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// The operations of an official OpenAPI document (copied to PagoPa/Specs), below its server's base path, and a check
/// of one logged call against the operation it targets. The request: a declared method and path; path and query
/// parameters declared, required ones present, integers, bounds and enums respected; the subscription key where a
/// security scheme puts it; required headers. The answer: a declared status, a declared content type, a JSON body
/// that conforms to the declared schema (<see cref="OpenApiSchemas"/>), the declared headers. Formats and patterns
/// are not checked, as in <see cref="OpenApiSchemas"/>.
/// </summary>
internal sealed partial class OpenApiOperations
{
    private readonly JsonObject _spec;
    private readonly OpenApiSchemas _schemas;
    private readonly List<(string Method, string Template, Regex Path, JsonObject Operation, JsonArray PathParameters)> _operations = [];

    private OpenApiOperations(JsonObject spec, OpenApiSchemas schemas)
    {
        _spec = spec;
        _schemas = schemas;
        BasePath = new Uri((string)spec["servers"]![0]!["url"]!).AbsolutePath.TrimEnd('/');
        foreach (var (template, item) in spec["paths"]!.AsObject())
        {
            var pattern = new Regex("^" + Regex.Escape(BasePath) + TemplateParameter().Replace(Regex.Escape(template), "(?<$1>[^/]+)") + "$");
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key != "parameters"))
            {
                _operations.Add((method.ToUpperInvariant(), template, pattern, operation!.AsObject(), item["parameters"]?.AsArray() ?? []));
            }
        }
    }

    /// <summary>The path every operation of the document sits below, from its first server (e.g. <c>/bizevents/service/v1</c>).</summary>
    public string BasePath { get; }

    /// <summary>The document <paramref name="fileName"/> with its component schemas.</summary>
    public static OpenApiOperations Load(string fileName) =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PagoPa", "Specs", fileName)))!.AsObject(), OpenApiSchemas.Load(fileName));

    public bool Covers(SandboxCall call) => call.Path.StartsWith(BasePath + "/", StringComparison.Ordinal);

    /// <summary>The method and path template of the operation <paramref name="call"/> targets, or null when none.</summary>
    public string? Operation(SandboxCall call) =>
        _operations.Where(o => o.Method == call.Method && o.Path.IsMatch(call.Path)).Select(o => $"{o.Method} {o.Template}").FirstOrDefault();

    /// <summary>Every way <paramref name="call"/> departs from the document; empty when request and answer conform.</summary>
    public IReadOnlyList<string> Violations(SandboxCall call)
    {
        var violations = new List<string>();
        var match = _operations.Select(o => (o, m: o.Path.Match(call.Path))).FirstOrDefault(x => x.o.Method == call.Method && x.m.Success);
        if (match.o.Operation is null)
        {
            violations.Add($"{call.Method} {call.Path}: no operation of the document");
            return violations;
        }

        var (_, template, _, operation, shared) = match.o;
        var parameters = shared.Concat(operation["parameters"]?.AsArray() ?? []).Select(p => Resolve(p!.AsObject())).ToList();
        foreach (var parameter in parameters)
        {
            var (name, where) = ((string)parameter["name"]!, (string)parameter["in"]!);
            var value = where switch
            {
                "path" => match.m.Groups[name].Success ? Uri.UnescapeDataString(match.m.Groups[name].Value) : null,
                "query" => call.Query.GetValueOrDefault(name),
                "header" => call.Headers.GetValueOrDefault(name),
                _ => null,
            };
            if (value is null)
            {
                if (parameter["required"]?.GetValue<bool>() == true)
                {
                    violations.Add($"{template}: required {where} parameter '{name}' is missing");
                }

                continue;
            }

            violations.AddRange(ValueViolations(value, parameter["schema"]?.AsObject(), $"{template}: {where} parameter '{name}'"));
        }

        var keys = Security(operation);
        foreach (var name in call.Query.Keys.Where(n => !parameters.Any(p => (string)p["in"]! == "query" && (string)p["name"]! == n) && !keys.Contains(("query", n))))
        {
            violations.Add($"{template}: query parameter '{name}' is not declared");
        }

        if (keys.Count > 0 && !keys.Any(k => k.In == "header" ? call.Headers.ContainsKey(k.Name) : call.Query.ContainsKey(k.Name)))
        {
            violations.Add($"{template}: no subscription key where the security schemes put it ({string.Join(", ", keys.Select(k => $"{k.In} {k.Name}"))})");
        }

        violations.AddRange(AnswerViolations(call, template, operation));
        return violations;
    }

    private List<string> AnswerViolations(SandboxCall call, string template, JsonObject operation)
    {
        var violations = new List<string>();
        var status = call.Status.ToString(CultureInfo.InvariantCulture);
        if ((operation["responses"]![status] ?? operation["responses"]!["default"]) is not JsonObject response)
        {
            violations.Add($"{template}: status {status} is not declared");
            return violations;
        }

        foreach (var (header, _) in response["headers"]?.AsObject() ?? [])
        {
            if (!call.ResponseHeaders.ContainsKey(header))
            {
                violations.Add($"{template} {status}: header '{header}' is missing");
            }
        }

        if (response["content"] is not JsonObject content || content.Count == 0)
        {
            return violations;
        }

        var mediaType = call.ResponseHeaders.GetValueOrDefault("Content-Type")?.Split(';')[0].Trim();
        if (mediaType is null || content[mediaType] is not JsonObject declared)
        {
            violations.Add($"{template} {status}: content type '{mediaType}' is not one of {string.Join(", ", content.Select(c => c.Key))}");
            return violations;
        }

        if (declared["schema"]?["$ref"] is { } reference && mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            using var body = JsonDocument.Parse(call.ResponseBody ?? "null");
            violations.AddRange(_schemas.Violations(body.RootElement, ((string)reference!).Split('/')[^1]).Select(v => $"{template} {status}: {v}"));
        }

        return violations;
    }

    private static IEnumerable<string> ValueViolations(string value, JsonObject? schema, string what)
    {
        if (schema is null)
        {
            yield break;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => v!.ToString() == value))
        {
            yield return $"{what}: '{value}' is not one of the enum values";
        }

        if ((string?)schema["type"] == "integer")
        {
            if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                yield return $"{what}: '{value}' is not an integer";
            }
            else if ((schema["minimum"] is { } minimum && number < minimum.GetValue<long>()) || (schema["maximum"] is { } maximum && number > maximum.GetValue<long>()))
            {
                yield return $"{what}: {value} is out of its bounds";
            }
        }
    }

    // The key's places: the operation's security requirements, else the document's, else every apiKey scheme it declares.
    private HashSet<(string In, string Name)> Security(JsonObject operation)
    {
        var schemes = _spec["components"]?["securitySchemes"]?.AsObject() ?? [];
        var required = (operation["security"] ?? _spec["security"])?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)) ?? schemes.Select(s => s.Key);
        return [.. required.Select(name => schemes[name]!).Where(s => (string?)s["type"] == "apiKey").Select(s => ((string)s["in"]!, (string)s["name"]!))];
    }

    private JsonObject Resolve(JsonObject parameter) =>
        parameter["$ref"] is { } reference ? _spec["components"]!["parameters"]![((string)reference!).Split('/')[^1]]!.AsObject() : parameter;

    [GeneratedRegex(@"\\\{([A-Za-z_][A-Za-z0-9_]*)}")]
    private static partial Regex TemplateParameter();
}
