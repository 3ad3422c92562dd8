using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace InteropHub.Adapters.Anpr.E002;

/// <summary>How the hub writes and reads ANPR's JSON: names exactly as the specs (attributes), absent members omitted.</summary>
internal static class AnprJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static RefitSettings RefitSettings { get; } = new(new SystemTextJsonContentSerializer(Options));

    /// <summary>The body read as <typeparamref name="T"/>, or null when it is empty or not that JSON.</summary>
    public static T? TryRead<T>(string? json)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
