namespace InteropHub.Adapters.Anpr.Configuration;

/// <summary>
/// The ANPR services the hub uses and their URL segments (anpr.md §1.2; C015 is generalità, C020 residence,
/// C019 life status, C030 fiscal code → idANPR).
/// </summary>
internal static class AnprServiceCatalog
{
    private static readonly Dictionary<string, string> Segments = new(StringComparer.OrdinalIgnoreCase)
    {
        ["C001"] = "C001-servizioNotifica",
        ["C003"] = "C003-servizioVerificaDichGeneralita",
        ["C007"] = "C007-servizioVerificaDichEsistenzaVita",
        ["C008"] = "C008-servizioVerificaDichResidenza",
        ["C015"] = "C015-servizioAccertamentoGeneralita",
        ["C019"] = "C019-servizioAccertamentoEsistenzaVita",
        ["C020"] = "C020-servizioAccertamentoResidenza",
        ["C021"] = "C021-servizioAccertamentoStatoFamiglia",
        ["C030"] = "C030-servizioAccertamentoIdUnicoNazionale",
    };

    public static IEnumerable<string> Codes => Segments.Keys.Order(StringComparer.Ordinal);

    public static bool IsKnown(string code) => Segments.ContainsKey(code);

    public static string Segment(string code) => Segments[code];
}
