using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.Anpr;

/// <summary>ANPR's application errors and warnings (<c>RispostaKO</c>, <c>TipoErroriAnomalia</c>; docs/platforms/anpr.md §2.3).</summary>
internal static class AnprErrors
{
    public const string NotRegistered = "Soggetto non registrato in ANPR";
    public const string Cancelled = "Soggetto cancellato da ANPR";
    public const string OutOfOrderText = "idOperazioneClient inferiore all'ultimo inviato";

    /// <summary>The warning on every search by anything but idANPR since 2024-04-23 (issue #4501; the double space is ANPR's).</summary>
    public const string IdAnprOnly =
        "Il D.M. Ministero dell'Interno 3 marzo 2023 (art.3 comma 3) prevede l'accesso ad ANPR esclusivamente con identificativo unico nazionale (ID ANPR), si  rappresenta pertanto l'urgenza di provvedere all'integrazione dei propri sistemi.";

    public static JsonObject Error(string code, string text) => Entry(code, text, "E");

    public static JsonObject Warning(string code, string text) => Entry(code, text, "W");

    /// <summary>EN148 as a warning: the search did not use idANPR.</summary>
    public static JsonObject NotByIdAnpr() => Warning("EN148", IdAnprOnly);

    /// <summary>EN148 as an error: wrong <c>casoUso</c> or purpose (issues #4818, #5018), or a request this case of use cannot serve (#5328).</summary>
    public static JsonObject Refused(string text) => Error("EN148", text);

    public static AnprAnswer Ko(int status, string idOperazioneAnpr, IEnumerable<JsonObject> errors) =>
        AnprAnswer.Of(status, new JsonObject
        {
            ["listaErrori"] = new JsonArray([.. errors]),
            ["idOperazioneANPR"] = idOperazioneAnpr,
        });

    /// <summary>A new idOperazioneClient lower than the last one sent (C001 spec: "l'elaborazione termina con errore"), as ANPR words it.</summary>
    public static AnprAnswer OutOfOrder(string idOperazioneAnpr) => Ko(400, idOperazioneAnpr, [Error("999", OutOfOrderText)]);

    /// <summary>ANPR's generic back-end failure (issue #4401).</summary>
    public static AnprAnswer Unavailable(string idOperazioneAnpr) => Ko(500, idOperazioneAnpr, [Error("999", "Operazione non effettuabile")]);

    private static JsonObject Entry(string code, string text, string kind) => new()
    {
        ["codiceErroreAnomalia"] = code,
        ["testoErroreAnomalia"] = text,
        ["tipoErroreAnomalia"] = kind,
    };
}
