using System.Text.Json;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>Reading ANPR answers in assertions.</summary>
internal static class AnprJson
{
    /// <summary>The <c>listaErrori</c> (or another list of TipoErroriAnomalia) as (code, kind, text).</summary>
    public static IReadOnlyList<(string? Code, string? Kind, string? Text)> Entries(JsonElement body, string list = "listaErrori") =>
        body.TryGetProperty(list, out var entries)
            ? [.. entries.EnumerateArray().Select(e => (Text(e, "codiceErroreAnomalia"), Text(e, "tipoErroreAnomalia"), Text(e, "testoErroreAnomalia")))]
            : [];

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string? IdAnpr(JsonElement body) =>
        body.GetProperty("listaSoggetti").GetProperty("datiSoggetto")[0].GetProperty("identificativi").GetProperty("idANPR").GetString();
}
