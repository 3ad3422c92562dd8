using System.Text.Json;
using Refit;

namespace InteropHub.Adapters.PagoPa.Fdr;

/// <summary>
/// FdR's JSON: camelCase, instants in UTC with a <c>Z</c>, dates as <c>yyyy-MM-dd</c>. Amounts land in <see cref="decimal"/>
/// members, which System.Text.Json parses from the number's text, never through a double (docs/platforms/pagopa.md §7).
/// </summary>
internal static class FdrJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static RefitSettings RefitSettings { get; } = new(new SystemTextJsonContentSerializer(Options));
}
