using System.Text.Json.Serialization;

namespace InteropHub.Adapters.Anpr.E002;

// Subject schemas of the ANPR specs, the union of what the services the hub calls return (C001 current spec:
// generalita, residenza, infoSoggettoEnte, identificativi; C021: datiDecesso, legameSoggetto). Dates stay strings
// (the specs' "format: YYYY-MM-DD" is not a JSON-schema format) and are parsed leniently when mapped.

/// <summary><c>TipoDatiSoggettiEnte</c>: one subject of an answer.</summary>
internal sealed record TipoDatiSoggettiEnte
{
    [JsonPropertyName("generalita")]
    public TipoGeneralita? Generalita { get; init; }

    [JsonPropertyName("residenza")]
    public IReadOnlyList<TipoResidenza>? Residenza { get; init; }

    [JsonPropertyName("identificativi")]
    public TipoIdentificativi? Identificativi { get; init; }

    [JsonPropertyName("infoSoggettoEnte")]
    public IReadOnlyList<TipoInfoSoggettoEnte>? InfoSoggettoEnte { get; init; }

    [JsonPropertyName("datiDecesso")]
    public TipoDatiEvento? DatiDecesso { get; init; }

    [JsonPropertyName("legameSoggetto")]
    public TipoLegameSoggettoCompleto? LegameSoggetto { get; init; }
}

/// <summary><c>TipoGeneralita</c>.</summary>
internal sealed record TipoGeneralita
{
    [JsonPropertyName("codiceFiscale")]
    public TipoCodiceFiscale? CodiceFiscale { get; init; }

    [JsonPropertyName("cognome")]
    public string? Cognome { get; init; }

    [JsonPropertyName("nome")]
    public string? Nome { get; init; }

    /// <summary><c>M</c> or <c>F</c>.</summary>
    [JsonPropertyName("sesso")]
    public string? Sesso { get; init; }

    [JsonPropertyName("dataNascita")]
    public string? DataNascita { get; init; }

    [JsonPropertyName("luogoNascita")]
    public TipoLuogoEvento? LuogoNascita { get; init; }

    /// <summary>Registered in AIRE (Italians abroad): <c>S</c>/<c>N</c>.</summary>
    [JsonPropertyName("soggettoAIRE")]
    public string? SoggettoAire { get; init; }
}

/// <summary><c>TipoCodiceFiscale</c>.</summary>
internal sealed record TipoCodiceFiscale
{
    [JsonPropertyName("codFiscale")]
    public string? CodFiscale { get; init; }

    /// <summary><c>1</c> validated, <c>9</c> not validated.</summary>
    [JsonPropertyName("validitaCF")]
    public string? ValiditaCf { get; init; }
}

/// <summary><c>TipoLuogoEvento</c>.</summary>
internal sealed record TipoLuogoEvento
{
    [JsonPropertyName("luogoEccezionale")]
    public string? LuogoEccezionale { get; init; }

    [JsonPropertyName("comune")]
    public TipoComune? Comune { get; init; }

    [JsonPropertyName("localita")]
    public TipoLocalita? Localita { get; init; }
}

/// <summary><c>TipoComune</c>.</summary>
internal sealed record TipoComune
{
    [JsonPropertyName("nomeComune")]
    public string? NomeComune { get; init; }

    [JsonPropertyName("codiceIstat")]
    public string? CodiceIstat { get; init; }

    [JsonPropertyName("siglaProvinciaIstat")]
    public string? SiglaProvinciaIstat { get; init; }

    [JsonPropertyName("descrizioneLocalita")]
    public string? DescrizioneLocalita { get; init; }
}

/// <summary><c>TipoLocalita</c> (and <c>TipoDatoLocalitaEstera</c>, its twin).</summary>
internal sealed record TipoLocalita
{
    [JsonPropertyName("descrizioneLocalita")]
    public string? DescrizioneLocalita { get; init; }

    [JsonPropertyName("descrizioneStato")]
    public string? DescrizioneStato { get; init; }

    [JsonPropertyName("codiceStato")]
    public string? CodiceStato { get; init; }

    [JsonPropertyName("provinciaContea")]
    public string? ProvinciaContea { get; init; }
}

/// <summary><c>TipoResidenza</c>: one residence; C020 returns the history as a list.</summary>
internal sealed record TipoResidenza
{
    [JsonPropertyName("tipoIndirizzo")]
    public string? TipoIndirizzo { get; init; }

    [JsonPropertyName("noteIndirizzo")]
    public string? NoteIndirizzo { get; init; }

    [JsonPropertyName("indirizzo")]
    public TipoIndirizzo? Indirizzo { get; init; }

    [JsonPropertyName("localitaEstera")]
    public TipoLocalitaEstera1? LocalitaEstera { get; init; }

    [JsonPropertyName("presso")]
    public string? Presso { get; init; }

    [JsonPropertyName("dataDecorrenzaResidenza")]
    public string? DataDecorrenzaResidenza { get; init; }
}

/// <summary><c>TipoIndirizzo</c>.</summary>
internal sealed record TipoIndirizzo
{
    [JsonPropertyName("cap")]
    public string? Cap { get; init; }

    [JsonPropertyName("comune")]
    public TipoComune? Comune { get; init; }

    [JsonPropertyName("frazione")]
    public string? Frazione { get; init; }

    [JsonPropertyName("toponimo")]
    public TipoToponimo? Toponimo { get; init; }

    [JsonPropertyName("numeroCivico")]
    public TipoNumeroCivico? NumeroCivico { get; init; }
}

/// <summary><c>TipoToponimo</c>.</summary>
internal sealed record TipoToponimo
{
    [JsonPropertyName("specie")]
    public string? Specie { get; init; }

    [JsonPropertyName("denominazioneToponimo")]
    public string? DenominazioneToponimo { get; init; }
}

/// <summary><c>TipoNumeroCivico</c>.</summary>
internal sealed record TipoNumeroCivico
{
    [JsonPropertyName("numero")]
    public string? Numero { get; init; }

    [JsonPropertyName("lettera")]
    public string? Lettera { get; init; }

    [JsonPropertyName("esponente1")]
    public string? Esponente1 { get; init; }

    [JsonPropertyName("civicoInterno")]
    public TipoCivicoInterno? CivicoInterno { get; init; }
}

/// <summary><c>TipoCivicoInterno</c>.</summary>
internal sealed record TipoCivicoInterno
{
    [JsonPropertyName("scala")]
    public string? Scala { get; init; }

    [JsonPropertyName("interno1")]
    public string? Interno1 { get; init; }

    [JsonPropertyName("piano")]
    public string? Piano { get; init; }
}

/// <summary><c>TipoLocalitaEstera1</c>: a residence abroad (AIRE).</summary>
internal sealed record TipoLocalitaEstera1
{
    [JsonPropertyName("indirizzoEstero")]
    public TipoIndirizzoEstero? IndirizzoEstero { get; init; }

    [JsonPropertyName("consolato")]
    public TipoConsolato? Consolato { get; init; }
}

/// <summary><c>TipoIndirizzoEstero</c>.</summary>
internal sealed record TipoIndirizzoEstero
{
    [JsonPropertyName("cap")]
    public string? Cap { get; init; }

    [JsonPropertyName("localita")]
    public TipoLocalita? Localita { get; init; }

    [JsonPropertyName("toponimo")]
    public TipoToponimoEstero? Toponimo { get; init; }
}

/// <summary><c>TipoToponimoEstero</c>.</summary>
internal sealed record TipoToponimoEstero
{
    [JsonPropertyName("denominazione")]
    public string? Denominazione { get; init; }

    [JsonPropertyName("numeroCivico")]
    public string? NumeroCivico { get; init; }
}

/// <summary><c>TipoConsolato</c>.</summary>
internal sealed record TipoConsolato
{
    [JsonPropertyName("codiceConsolato")]
    public string? CodiceConsolato { get; init; }

    [JsonPropertyName("descrizioneConsolato")]
    public string? DescrizioneConsolato { get; init; }
}

/// <summary><c>TipoIdentificativi</c>.</summary>
internal sealed record TipoIdentificativi
{
    [JsonPropertyName("idANPR")]
    public string? IdAnpr { get; init; }
}

/// <summary>
/// <c>TipoInfoSoggettoEnte</c>: keyed facts. Known entries (Sogei, issue #4980): id 1003 "Verifica esistenza in vita"
/// with <c>valore</c> S/N; id 1015 "Data decesso" with <c>valoreData</c>. Verification services answer in <c>valore</c>.
/// </summary>
internal sealed record TipoInfoSoggettoEnte
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("chiave")]
    public string? Chiave { get; init; }

    /// <summary><c>TipoInfoValore</c>: <c>S</c>, <c>N</c> or <c>A</c> (strings, not booleans).</summary>
    [JsonPropertyName("valore")]
    public string? Valore { get; init; }

    [JsonPropertyName("valoreTesto")]
    public string? ValoreTesto { get; init; }

    [JsonPropertyName("valoreData")]
    public string? ValoreData { get; init; }

    [JsonPropertyName("dettaglio")]
    public string? Dettaglio { get; init; }
}

/// <summary><c>TipoDatiEvento</c> (C021 <c>datiDecesso</c>).</summary>
internal sealed record TipoDatiEvento
{
    [JsonPropertyName("dataEvento")]
    public string? DataEvento { get; init; }
}

/// <summary><c>TipoLegameSoggettoCompleto</c> (C021): the member's relationship to the head of the family.</summary>
internal sealed record TipoLegameSoggettoCompleto
{
    [JsonPropertyName("tipoLegame")]
    public string? TipoLegame { get; init; }

    [JsonPropertyName("dataDecorrenza")]
    public string? DataDecorrenza { get; init; }

    /// <summary>ANPR's relationship code, sometimes zero-padded (<c>02</c>).</summary>
    [JsonPropertyName("codiceLegame")]
    public string? CodiceLegame { get; init; }

    [JsonPropertyName("progressivoComponente")]
    public string? ProgressivoComponente { get; init; }

    [JsonPropertyName("dataDecorrenzaLegame")]
    public string? DataDecorrenzaLegame { get; init; }
}
