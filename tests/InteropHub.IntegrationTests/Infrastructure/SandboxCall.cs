using System.Net.Http.Json;
using System.Text.Json;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>One call a sandbox received and what it answered, from the sandbox's request log (WireMock's admin API).</summary>
public sealed record SandboxCall(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string? ResponseBody)
{
    /// <summary>Every call <paramref name="sandbox"/> logged, oldest first.</summary>
    public static async Task<IReadOnlyList<SandboxCall>> LogAsync(Uri sandbox, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = sandbox };
        var log = await http.GetFromJsonAsync<JsonElement>("__admin/requests", ct);
        return [.. log.EnumerateArray()
            .Select(e => (Request: e.GetProperty("Request"), Response: e.GetProperty("Response")))
            .OrderBy(e => e.Request.GetProperty("DateTime").GetDateTime())
            .Select(e => new SandboxCall(
                e.Request.GetProperty("Method").GetString()!,
                Uri.UnescapeDataString(e.Request.GetProperty("Path").GetString()!),
                Values(e.Request, "Query", StringComparer.Ordinal),
                Values(e.Request, "Headers", StringComparer.OrdinalIgnoreCase),
                e.Response.GetProperty("StatusCode").ValueKind == JsonValueKind.Number
                    ? e.Response.GetProperty("StatusCode").GetInt32()
                    : int.Parse(e.Response.GetProperty("StatusCode").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Values(e.Response, "Headers", StringComparer.OrdinalIgnoreCase),
                e.Response.TryGetProperty("Body", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString() : null))];
    }

    // WireMock writes a multi-valued map: a name with its values (an array, or one string); the first value is enough here.
    private static Dictionary<string, string> Values(JsonElement message, string name, StringComparer names)
    {
        var values = new Dictionary<string, string>(names);
        if (message.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in map.EnumerateObject())
            {
                values[entry.Name] = entry.Value.ValueKind == JsonValueKind.Array ? entry.Value[0].GetString() ?? "" : entry.Value.GetString() ?? "";
            }
        }

        return values;
    }
}
