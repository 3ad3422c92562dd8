namespace InteropHub.Adapters.Anpr.Configuration;

/// <summary>
/// The ANPR services the hub uses and their URL segments (docs/platforms/anpr.md §1.2; C015 is generalità, C020 residence,
/// C019 life status, C030 fiscal code → idANPR).
/// </summary>
internal static class AnprServiceCatalog
{
    /// <summary>Accertamento identificativo unico nazionale: fiscal code → idANPR.</summary>
    public const string IdAnpr = "C030";

    /// <summary>Servizio di notifica: generalità, residence, alive.</summary>
    public const string Notification = "C001";

    /// <summary>Verifica dichiarazione di generalità (yes/no).</summary>
    public const string VerifyIdentity = "C003";

    /// <summary>Verifica dichiarazione di esistenza in vita (yes/no).</summary>
    public const string VerifyAlive = "C007";

    /// <summary>Verifica dichiarazione di residenza (yes/no).</summary>
    public const string VerifyResidence = "C008";

    /// <summary>Accertamento generalità.</summary>
    public const string Identity = "C015";

    /// <summary>Accertamento esistenza in vita.</summary>
    public const string LifeStatus = "C019";

    /// <summary>Accertamento residenza: generalità, residence history, death.</summary>
    public const string Residence = "C020";

    /// <summary>Accertamento stato di famiglia.</summary>
    public const string Family = "C021";

    private static readonly Dictionary<string, string> Segments = new(StringComparer.OrdinalIgnoreCase)
    {
        [Notification] = "C001-servizioNotifica",
        [VerifyIdentity] = "C003-servizioVerificaDichGeneralita",
        [VerifyAlive] = "C007-servizioVerificaDichEsistenzaVita",
        [VerifyResidence] = "C008-servizioVerificaDichResidenza",
        [Identity] = "C015-servizioAccertamentoGeneralita",
        [LifeStatus] = "C019-servizioAccertamentoEsistenzaVita",
        [Residence] = "C020-servizioAccertamentoResidenza",
        [Family] = "C021-servizioAccertamentoStatoFamiglia",
        [IdAnpr] = "C030-servizioAccertamentoIdUnicoNazionale",
    };

    public static IEnumerable<string> Codes => Segments.Keys.Order(StringComparer.Ordinal);

    /// <summary>The services that can answer the resident profile (<see cref="AnprOptions.ProfileService"/>).</summary>
    public static IReadOnlyList<string> ProfileServices { get; } = [Residence, Notification, Identity];

    public static bool IsKnown(string code) => Segments.ContainsKey(code);

    public static string Segment(string code) => Segments[code];

    /// <summary>The e-service's key in the hub: the tenants' PDND purpose key (<c>anpr-c030</c>) and the HTTP client's name.</summary>
    public static string EServiceKey(string code) => $"anpr-{code.ToLowerInvariant()}";
}
