using System.Text.Json.Serialization;

namespace InteropHub.Adapters.Anpr.E002;

// Request schemas of the ANPR specs (shared/specs/anpr: C001, C003, C021, C030 — identical across services;
// verifica.residenza from the C001 superset schema). Only the members the hub sends are declared.

/// <summary><c>RichiestaE002</c>: all three of <c>idOperazioneClient</c>, <c>criteriRicerca</c>, <c>datiRichiesta</c> are required.</summary>
internal sealed record RichiestaE002
{
    /// <summary>The hub's numeric, strictly increasing operation id, as a string.</summary>
    [JsonPropertyName("idOperazioneClient")]
    public required string IdOperazioneClient { get; init; }

    [JsonPropertyName("criteriRicerca")]
    public required TipoCriteriRicercaE002 CriteriRicerca { get; init; }

    /// <summary>Only verification services (C003, C008) take it.</summary>
    [JsonPropertyName("verifica")]
    public TipoVerificaE002? Verifica { get; init; }

    [JsonPropertyName("datiRichiesta")]
    public required TipoDatiRichiestaE002 DatiRichiesta { get; init; }
}

/// <summary><c>TipoCriteriRicercaE002</c>: the hub searches by fiscal code (C030 only) or by idANPR.</summary>
internal sealed record TipoCriteriRicercaE002
{
    [JsonPropertyName("codiceFiscale")]
    public string? CodiceFiscale { get; init; }

    [JsonPropertyName("idANPR")]
    public string? IdAnpr { get; init; }
}

/// <summary><c>TipoDatiRichiestaE002</c>: every member required.</summary>
internal sealed record TipoDatiRichiestaE002
{
    /// <summary>The date the record version is evaluated at, <c>YYYY-MM-DD</c>.</summary>
    [JsonPropertyName("dataRiferimentoRichiesta")]
    public required string DataRiferimentoRichiesta { get; init; }

    /// <summary>The mandatory justification (file or protocol number).</summary>
    [JsonPropertyName("motivoRichiesta")]
    public required string MotivoRichiesta { get; init; }

    /// <summary>The service code, e.g. <c>C020</c>; anything else is EN148.</summary>
    [JsonPropertyName("casoUso")]
    public required string CasoUso { get; init; }
}

/// <summary><c>TipoVerificaE002</c>: the declared data to verify.</summary>
internal sealed record TipoVerificaE002
{
    [JsonPropertyName("generalita")]
    public TipoGeneralita? Generalita { get; init; }

    [JsonPropertyName("residenza")]
    public TipoVerificaResidenza? Residenza { get; init; }
}

/// <summary><c>TipoVerificaResidenza</c> (C001 superset schema): a structured address, here just its comune.</summary>
internal sealed record TipoVerificaResidenza
{
    [JsonPropertyName("indirizzo")]
    public TipoIndirizzo? Indirizzo { get; init; }
}
