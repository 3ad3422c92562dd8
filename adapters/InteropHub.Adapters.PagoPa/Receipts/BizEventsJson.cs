using System.Text.Json;
using Refit;

namespace InteropHub.Adapters.PagoPa.Receipts;

/// <summary>Biz-Events' JSON: camelCase; amounts land in <see cref="decimal"/> members, parsed from the number's text.</summary>
internal static class BizEventsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static RefitSettings RefitSettings { get; } = new(new SystemTextJsonContentSerializer(Options));
}
