using System.Text.Json.Serialization;

namespace InteropHub.Adapters.Anpr.E002;

/// <summary><c>RispostaE002OK</c> (HTTP 200).</summary>
internal sealed record RispostaE002OK
{
    /// <summary>ANPR's opaque operation id (once numeric, now often UUID-like).</summary>
    [JsonPropertyName("idOperazioneANPR")]
    public string? IdOperazioneAnpr { get; init; }

    [JsonPropertyName("listaSoggetti")]
    public TipoListaSoggetti? ListaSoggetti { get; init; }

    /// <summary>Warnings (<c>tipoErroreAnomalia</c> W), e.g. EN148 when searched by fiscal code.</summary>
    [JsonPropertyName("listaAnomalie")]
    public IReadOnlyList<TipoErroriAnomalia>? ListaAnomalie { get; init; }

    /// <summary>The subjects of the answer; empty when ANPR sent none.</summary>
    [JsonIgnore]
    public IReadOnlyList<TipoDatiSoggettiEnte> Soggetti => ListaSoggetti?.DatiSoggetto ?? [];
}

/// <summary><c>TipoListaSoggetti</c>.</summary>
internal sealed record TipoListaSoggetti
{
    [JsonPropertyName("datiSoggetto")]
    public IReadOnlyList<TipoDatiSoggettiEnte>? DatiSoggetto { get; init; }
}

/// <summary><c>RispostaKO</c> (HTTP 400/404/500): ANPR's application errors.</summary>
internal sealed record RispostaKO
{
    [JsonPropertyName("idOperazioneANPR")]
    public string? IdOperazioneAnpr { get; init; }

    [JsonPropertyName("listaErrori")]
    public IReadOnlyList<TipoErroriAnomalia>? ListaErrori { get; init; }
}

/// <summary><c>TipoErroriAnomalia</c>: an error (E) or warning (W).</summary>
internal sealed record TipoErroriAnomalia
{
    [JsonPropertyName("codiceErroreAnomalia")]
    public string? CodiceErroreAnomalia { get; init; }

    [JsonPropertyName("tipoErroreAnomalia")]
    public string? TipoErroreAnomalia { get; init; }

    [JsonPropertyName("testoErroreAnomalia")]
    public string? TestoErroreAnomalia { get; init; }

    [JsonPropertyName("oggettoErroreAnomalia")]
    public string? OggettoErroreAnomalia { get; init; }

    [JsonPropertyName("campoErroreAnomalia")]
    public string? CampoErroreAnomalia { get; init; }

    /// <summary>The offending value; may be personal data, so the hub never shows or logs it.</summary>
    [JsonPropertyName("valoreErroreAnomalia")]
    public string? ValoreErroreAnomalia { get; init; }
}
