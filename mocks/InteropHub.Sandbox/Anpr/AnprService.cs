namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// One ANPR e-service as the sandbox exposes it: its code (the <c>casoUso</c>), its URL segment and its ModI
/// audience, each given as such rather than derived (docs/platforms/anpr.md §1.1: ANPR spells some segments with an en dash).
/// </summary>
public sealed record AnprService(string Code, string Segment, string Audience)
{
    /// <summary>The nine services, with ASCII-hyphen segments and collaudo-shaped audiences (no <c>-PDND</c>, no operation).</summary>
    public static IReadOnlyList<AnprService> Defaults { get; } =
    [
        .. new[]
        {
            "C001-servizioNotifica",
            "C003-servizioVerificaDichGeneralita",
            "C007-servizioVerificaDichEsistenzaVita",
            "C008-servizioVerificaDichResidenza",
            "C015-servizioAccertamentoGeneralita",
            "C019-servizioAccertamentoEsistenzaVita",
            "C020-servizioAccertamentoResidenza",
            "C021-servizioAccertamentoStatoFamiglia",
            "C030-servizioAccertamentoIdUnicoNazionale",
        }.Select(segment => new AnprService(segment[..4], segment, CollaudoAudience(segment))),
    ];

    /// <summary>The ModI audience of a service in collaudo, the shape the hub's sandbox settings use.</summary>
    public static string CollaudoAudience(string segment) => $"https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/{segment}/v1";
}
