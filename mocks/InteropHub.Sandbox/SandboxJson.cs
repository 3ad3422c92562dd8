using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace InteropHub.Sandbox;

/// <summary>JSON in and out of the sandboxes' response callbacks.</summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IResponseMessage Response(int status, object body, string contentType = "application/json") =>
        Response(status, body, new Dictionary<string, string>(), contentType);

    public static IResponseMessage Response(
        int status, object body, IReadOnlyDictionary<string, string> headers, string contentType = "application/json")
    {
        var allHeaders = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) };
        foreach (var (name, value) in headers)
        {
            allHeaders[name] = new WireMockList<string>(value);
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = allHeaders,
            BodyData = new BodyData
            {
                BodyAsString = JsonSerializer.Serialize(body, Options),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
    }

    public static IResponseMessage Empty(int status) => new ResponseMessage { StatusCode = status };

    /// <summary>The request body as <typeparamref name="T"/>, or null when it is missing or not that JSON.</summary>
    public static T? Body<T>(IRequestMessage request)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(request.Body, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string member of a JSON object, or null when it is missing or not a string.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A request header by case-insensitive name, or null.</summary>
    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?
            .FirstOrDefault();
}
