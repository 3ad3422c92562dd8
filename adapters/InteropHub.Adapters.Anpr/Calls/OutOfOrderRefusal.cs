using System.Net;
using InteropHub.Adapters.Anpr.E002;
using Refit;

namespace InteropHub.Adapters.Anpr.Calls;

/// <summary>
/// ANPR's refusal of a new <c>idOperazioneClient</c> lower than the last one it received: HTTP 400, RispostaKO 999
/// "idOperazioneClient inferiore all'ultimo inviato" (docs/platforms/anpr.md §2.1). Told from the other 999 ("Operazione non
/// effettuabile", a back-end failure) by its text naming the id as lower.
/// </summary>
internal static class OutOfOrderRefusal
{
    public const string Code = "999";

    public static bool Is(int status, IApiResponse response) =>
        status == (int)HttpStatusCode.BadRequest
        && response.HasResponseError(out var error)
        && AnprJson.TryRead<RispostaKO>(error.Content)?.ListaErrori is { } errors
        && errors.Any(IsOutOfOrder);

    private static bool IsOutOfOrder(TipoErroriAnomalia error) =>
        string.Equals(error.CodiceErroreAnomalia?.Trim(), Code, StringComparison.Ordinal)
        && error.TestoErroreAnomalia is { } text
        && text.Contains("idOperazioneClient", StringComparison.OrdinalIgnoreCase)
        && text.Contains("inferiore", StringComparison.OrdinalIgnoreCase);
}
