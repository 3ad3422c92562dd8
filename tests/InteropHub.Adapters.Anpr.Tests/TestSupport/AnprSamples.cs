using System.Net;
using System.Text;

namespace InteropHub.Adapters.Anpr.Tests.TestSupport;

/// <summary>
/// ANPR answers shaped as the specs (shared/specs/anpr) and the collaudo examples in docs/platforms/anpr.md §2.2–2.3: C020 is the
/// idpay stub of a real collaudo answer, the errors are the bodies quoted in the italia/anpr issues.
/// </summary>
internal static class AnprSamples
{
    public const string GiovanniCf = "PRVGNN90R10H501Q";
    public const string GiovanniIdAnpr = "UK79569LF";
    public const string ClaudiaCf = "NRECLD90R50H501G";
    public const string ClaudiaIdAnpr = "JF28000UG";
    public const string GovWayId = "6b1e2f4c-1d3a-11f1-9b7e-005056ae5232";

    public static string C030(string idAnpr) =>
        """{"idOperazioneANPR":"d1af4e8f-60b5-11f1-93ff-005056ae5232","listaSoggetti":{"datiSoggetto":[{"identificativi":{"idANPR":""" + Str(idAnpr) + """}}]}}""";

    public const string Generalita =
        """{"codiceFiscale":{"codFiscale":"PRVGNN90R10H501Q","validitaCF":"9"},"cognome":"PROVA","nome":"GIOVANNI","sesso":"M","dataNascita":"1990-10-10","idSchedaSoggettoANPR":"2775118","luogoNascita":{"comune":{"codiceIstat":"058091","nomeComune":"ROMA","siglaProvinciaIstat":"RM"}},"soggettoAIRE":"N"}""";

    public const string Residences =
        """
        [{"tipoIndirizzo":"1","dataDecorrenzaResidenza":"2010-05-15","indirizzo":{"cap":"00184","comune":{"codiceIstat":"058091","nomeComune":"ROMA","siglaProvinciaIstat":"RM"},"numeroCivico":{"numero":"12","lettera":"A"},"toponimo":{"specie":"VIA","denominazioneToponimo":"CAVOUR"}}},
         {"tipoIndirizzo":"1","dataDecorrenzaResidenza":"2019-03-01","indirizzo":{"cap":"41026","comune":{"codiceIstat":"036030","nomeComune":"PAVULLO NEL FRIGNANO","siglaProvinciaIstat":"MO"},"numeroCivico":{"numero":"55","civicoInterno":{"interno1":"3","scala":"B4","piano":"2"}},"toponimo":{"specie":"VIA","specieFonte":"1","denominazioneToponimo":"AMERIGO VESPUCCI"}},"presso":"ROSSI"}]
        """;

    public const string Alive = """[{"chiave":"Verifica esistenza in vita","id":"1003","valore":"S"}]""";

    public const string Dead = """[{"chiave":"Data decesso","id":"1015","valoreData":"2016-11-15"},{"chiave":"Verifica esistenza in vita","id":"1003","valore":"N"}]""";

    /// <summary>C020: generalità, the residence history (oldest first, as a list), the alive flag.</summary>
    public static string C020(string? info = null) =>
        """{"listaSoggetti":{"datiSoggetto":[{"generalita":""" + Generalita + ""","identificativi":{"idANPR":"UK79569LF"},"infoSoggettoEnte":""" + (info ?? Alive) + ""","residenza":""" + Residences + """}]},"idOperazioneANPR":"58370927"}""";

    /// <summary>C020 of a resident abroad (AIRE), with the death date only (the one key C020 uses, issue #5035).</summary>
    public const string C020Abroad =
        """
        {"listaSoggetti":{"datiSoggetto":[{"generalita":{"codiceFiscale":{"codFiscale":"PRVGNN90R10H501Q"},"cognome":"PROVA","nome":"GIOVANNI","sesso":"M","dataNascita":"1990-10-10","luogoNascita":{"localita":{"descrizioneLocalita":"BUENOS AIRES","descrizioneStato":"ARGENTINA","codiceStato":"602"}},"soggettoAIRE":"S"},
        "identificativi":{"idANPR":"UK79569LF"},"infoSoggettoEnte":[{"chiave":"Data decesso","id":"1015","valoreData":"2024-02-03"}],
        "residenza":[{"tipoIndirizzo":"4","localitaEstera":{"indirizzoEstero":{"cap":"C1002","localita":{"descrizioneLocalita":"BUENOS AIRES","descrizioneStato":"ARGENTINA","codiceStato":"602","provinciaContea":"CABA"},"toponimo":{"denominazione":"AVENIDA DE MAYO","numeroCivico":"1370"}},"consolato":{"codiceConsolato":"4061","descrizioneConsolato":"BUENOS AIRES"}}}]}]},
        "idOperazioneANPR":"58370928"}
        """;

    /// <summary>C001 (current spec): generalità, residence, alive flag, idANPR.</summary>
    public static string C001 =>
        """{"idOperazioneANPR":"58370930","listaSoggetti":{"datiSoggetto":[{"generalita":""" + Generalita + ""","residenza":[{"tipoIndirizzo":"1","indirizzo":{"cap":"41026","comune":{"codiceIstat":"036030","nomeComune":"PAVULLO NEL FRIGNANO","siglaProvinciaIstat":"MO"},"numeroCivico":{"numero":"55"},"toponimo":{"specie":"VIA","denominazioneToponimo":"AMERIGO VESPUCCI"}}}],"infoSoggettoEnte":""" + Alive + ""","identificativi":{"idANPR":"UK79569LF"}}]}}""";

    /// <summary>C015: generalità and idANPR only.</summary>
    public static string C015 =>
        """{"idOperazioneANPR":"58370931","listaSoggetti":{"datiSoggetto":[{"generalita":""" + Generalita + ""","identificativi":{"idANPR":"UK79569LF"}}]}}""";

    public static string C019(string info) =>
        """{"idOperazioneANPR":"58370932","listaSoggetti":{"datiSoggetto":[{"generalita":""" + Generalita + ""","identificativi":{"idANPR":"UK79569LF"},"infoSoggettoEnte":""" + info + """}]}}""";

    /// <summary>C021: one subject per member with legameSoggetto; codes as ANPR sends them (zero-padded, unknown).</summary>
    public const string C021 =
        """
        {"idOperazioneANPR":"58370933","listaSoggetti":{"datiSoggetto":[
         {"generalita":{"codiceFiscale":{"codFiscale":"PRVGNN90R10H501Q","validitaCF":"1"},"cognome":"PROVA","nome":"GIOVANNI","sesso":"M","dataNascita":"1990-10-10"},"identificativi":{"idANPR":"UK79569LF"},
          "legameSoggetto":{"tipoLegame":"INTESTATARIO SCHEDA","codiceLegame":"1","progressivoComponente":"1","dataDecorrenza":"2019-03-01","dataDecorrenzaLegame":"2019-03-01"}},
         {"generalita":{"codiceFiscale":{"codFiscale":"NRECLD90R50H501G","validitaCF":"1"},"cognome":"NERI","nome":"CLAUDIA","sesso":"F","dataNascita":"1990-10-10"},"identificativi":{"idANPR":"JF28000UG"},
          "legameSoggetto":{"tipoLegame":"MOGLIE","codiceLegame":"02","progressivoComponente":"2","dataDecorrenza":"2020-06-20","dataDecorrenzaLegame":"2020-06-20"}},
         {"generalita":{"codiceFiscale":{"codFiscale":"ABC"},"cognome":"PROVA","nome":"ANNA","sesso":"F","dataNascita":"1930-01-01"},"identificativi":{"idANPR":"AF41450AS"},
          "datiDecesso":{"dataEvento":"2023-04-05"},"legameSoggetto":{"tipoLegame":"NON DEFINITO","codiceLegame":"99","progressivoComponente":"3"}}
        ]}}
        """;

    /// <summary>A verification service's answer (C003, C007, C008): <c>valore</c> S, N or A.</summary>
    public static string Verification(string valore) =>
        """{"idOperazioneANPR":"58370934","listaSoggetti":{"datiSoggetto":[{"infoSoggettoEnte":[{"id":"1","chiave":"Esito verifica","valore":""" + Str(valore) + """}]}]}}""";

    public static string NotFound(string text) =>
        """{"listaErrori":[{"codiceErroreAnomalia":"EN122","testoErroreAnomalia":""" + Str(text) + ""","tipoErroreAnomalia":"E"}],"idOperazioneANPR":"1817415080"}""";

    public const string NotFoundWithEn148Warning =
        """{"listaErrori":[{"codiceErroreAnomalia":"EN148","testoErroreAnomalia":"Ricerca non effettuata per identificativo unico nazionale","tipoErroreAnomalia":"W"},{"codiceErroreAnomalia":"EN122","testoErroreAnomalia":"La richiesta effettuata non produce alcun risultato","tipoErroreAnomalia":"E"}],"idOperazioneANPR":"1817415081"}""";

    public static string NotEntitled(string service) =>
        """{"listaErrori":[{"codiceErroreAnomalia":"EN148","testoErroreAnomalia":""" + Str($"Ente non abilitato o caso uso inesistente : {service}") + ""","tipoErroreAnomalia":"E"}],"idOperazioneANPR":"1817415082"}""";

    public const string En148Warning =
        """[{"codiceErroreAnomalia":"EN148","testoErroreAnomalia":"Ricerca per codice fiscale PRVGNN90R10H501Q: usare l'identificativo unico nazionale","tipoErroreAnomalia":"W"}]""";

    public const string InteroperabilityInvalidRequest =
        """{"type":"https://govway.org/handling-errors/400/InteroperabilityInvalidRequest.html","title":"InteroperabilityInvalidRequest","status":400,"detail":"Received request is not conform to the required interoperability profile","govway_id":"6b1e2f4c-1d3a-11f1-9b7e-005056ae5232"}""";

    public const string InvalidRequestContent =
        """{"type":"https://govway.org/handling-errors/400/InvalidRequestContent.html","title":"InvalidRequestContent","status":400,"detail":"Request content not conform to API specification: codiceFiscale PRVGNN90R10H501Q","govway_id":"6b1e2f4c-1d3a-11f1-9b7e-005056ae5232"}""";

    public const string LimitExceeded =
        """{"type":"https://govway.org/handling-errors/429/LimitExceeded.html","title":"LimitExceeded","status":429,"detail":"Limit exceeded detected","govway_id":"6b1e2f4c-1d3a-11f1-9b7e-005056ae5232"}""";

    public const string TooManyRequests =
        """{"type":"https://govway.org/handling-errors/429/TooManyRequests.html","title":"TooManyRequests","status":429,"detail":"Too many requests detected","govway_id":"6b1e2f4c-1d3a-11f1-9b7e-005056ae5232"}""";

    public const string AuthorizationTokenDeny =
        """{"type":"https://govway.org/handling-errors/403/AuthorizationTokenDeny.html","title":"AuthorizationTokenDeny","status":403,"detail":"Insufficient token claims","govway_id":"6b1e2f4c-1d3a-11f1-9b7e-005056ae5232"}""";

    public const string GatewayError =
        """{"httpCode":"503","httpMessage":"Service Unavailable","moreInformation":"The gateway is currently unable to handle the response"}""";

    public const string OperationFailed =
        """{"listaErrori":[{"codiceErroreAnomalia":"999","testoErroreAnomalia":"Operazione non effettuabile","tipoErroreAnomalia":"E"}],"idOperazioneANPR":"1817415083"}""";

    public const string BadFiscalCodeField =
        """{"listaErrori":[{"codiceErroreAnomalia":"EN001","testoErroreAnomalia":"Dato non valido: PRVGNN90R10H501Q","tipoErroreAnomalia":"E","campoErroreAnomalia":"codiceFiscale","valoreErroreAnomalia":"PRVGNN90R10H501Q"}],"idOperazioneANPR":"1817415084"}""";

    private static string Str(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Ok(string json) => Json(HttpStatusCode.OK, json);

    /// <summary>ANPR sends RispostaKO as problem+json (spec); GovWay adds its transaction id header.</summary>
    public static HttpResponseMessage Ko(HttpStatusCode status, string json)
    {
        var response = Json(status, json, "application/problem+json");
        response.Headers.TryAddWithoutValidation("GovWay-Transaction-ID", GovWayId);
        return response;
    }
}
