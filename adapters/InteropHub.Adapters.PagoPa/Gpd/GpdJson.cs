using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace InteropHub.Adapters.PagoPa.Gpd;

/// <summary>
/// GPD's JSON: camelCase names, absent members omitted, and date-times as UTC without an offset
/// (<c>2026-12-31T23:59:59</c>): GPD reads them as Java <c>LocalDateTime</c> in UTC (docs/platforms/pagopa.md §1.4).
/// </summary>
internal static class GpdJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcLocalDateTimeConverter() },
    };

    public static RefitSettings RefitSettings { get; } = new(new SystemTextJsonContentSerializer(Options))
    {
        UrlParameterFormatter = new JsonBooleans(),

        // A throttled write is sent again by the resilience pipeline: its body must be readable twice.
        Buffered = true,
    };

    /// <summary>Query booleans as JSON writes them (<c>toPublish=true</c>), not as .NET prints them (<c>True</c>).</summary>
    private sealed class JsonBooleans : DefaultUrlParameterFormatter
    {
        public override string? Format(object? parameterValue, System.Reflection.ICustomAttributeProvider attributeProvider, Type type) =>
            parameterValue is bool flag ? (flag ? "true" : "false") : base.Format(parameterValue, attributeProvider, type);
    }

    private sealed class UtcLocalDateTimeConverter : JsonConverter<DateTime>
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss";

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // GPD answers without an offset (UTC by contract), sometimes with fractional seconds; an offset, when present, wins.
            var text = reader.GetString() ?? throw new JsonException("A GPD date-time is a string.");
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue((value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString(Format, CultureInfo.InvariantCulture));
    }
}
