using System.Globalization;
using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.Anpr;

/// <summary>The groups of <c>TipoDatiSoggettiEnte</c> built from a subject as of a reference date (field names as in the specs).</summary>
internal static class SubjectJson
{
    public const string LifeKey = "Verifica esistenza in vita";
    public const string DeathKey = "Data decesso";

    public static JsonObject Identifiers(AnprSubject subject) => new() { ["idANPR"] = subject.IdAnpr };

    /// <summary><c>TipoGeneralita</c>; <c>soggettoAIRE</c> and <c>annoEspatrio</c> only for a subject abroad on the reference date.</summary>
    public static JsonObject Generalities(AnprSubject subject, DateOnly reference)
    {
        var fiscalCode = new JsonObject
        {
            ["codFiscale"] = subject.FiscalCode,
            ["validitaCF"] = subject.FiscalCodeValidated ? "1" : "9",
        };
        if (subject.FiscalCodeValidated)
        {
            fiscalCode["dataAttribuzioneValidita"] = Date(subject.RegisteredOn);
        }

        var generalities = new JsonObject
        {
            ["codiceFiscale"] = fiscalCode,
            ["cognome"] = subject.Surname,
            ["nome"] = subject.GivenName,
            ["sesso"] = subject.Sex == AnprSex.Male ? "M" : "F",
            ["dataNascita"] = Date(subject.BirthDate),
            ["luogoNascita"] = BirthPlace(subject.BirthPlace),
        };
        if (subject.ResidenceOn(reference) is { Abroad: not null } abroad)
        {
            generalities["soggettoAIRE"] = "S";
            generalities["annoEspatrio"] = abroad.Since.Year.ToString(CultureInfo.InvariantCulture);
        }

        generalities["idSchedaSoggettoANPR"] = subject.RecordNumber;
        return generalities;
    }

    /// <summary>ANPR returns one residence, the one in force on the reference date, never the history (issue #4256, Sogei on pdnd-interop-frontend#97).</summary>
    public static JsonArray Residence(AnprSubject subject, DateOnly reference)
    {
        var residence = subject.ResidenceOn(reference) ?? subject.Residences[0];
        var entry = new JsonObject { ["tipoIndirizzo"] = "1" };
        if (residence.Address is { } address)
        {
            entry["indirizzo"] = Address(address);
        }

        if (residence.Abroad is { } abroad)
        {
            entry["localitaEstera"] = Abroad(abroad);
        }

        entry["dataDecorrenzaResidenza"] = Date(residence.Since);
        return [entry];
    }

    /// <summary>Alive: 1003 "S"; dead: 1015 with the date, then 1003 "N" (Sogei, issue #4980).</summary>
    public static JsonArray LifeStatus(AnprSubject subject, DateOnly reference, DateOnly today) =>
        subject.IsDeadFor(reference, today)
            ?
            [
                new JsonObject { ["chiave"] = DeathKey, ["id"] = "1015", ["valoreData"] = Date(subject.DeathDate!.Value) },
                new JsonObject { ["chiave"] = LifeKey, ["id"] = "1003", ["valore"] = "N" },
            ]
            : [new JsonObject { ["chiave"] = LifeKey, ["id"] = "1003", ["valore"] = "S" }];

    /// <summary>C021's <c>legameSoggetto</c>; a subject without a family is the head of its own.</summary>
    public static JsonObject FamilyLink(AnprSubject subject)
    {
        var link = subject.Family ?? new AnprFamilyLink(subject.IdAnpr, AnprFamilyKind.Resident, AnprFamilyLink.Head, 1, subject.RegisteredOn);
        return new JsonObject
        {
            ["tipoLegame"] = ((int)link.Kind).ToString(CultureInfo.InvariantCulture),
            ["dataDecorrenza"] = Date(link.Since),
            ["codiceLegame"] = link.RelationshipCode,
            ["progressivoComponente"] = link.Member.ToString(CultureInfo.InvariantCulture),
            ["dataDecorrenzaLegame"] = Date(link.Since),
        };
    }

    /// <summary>One <c>infoSoggettoEnte</c> entry of a verification service: S, or N with ANPR's "Dato non corrispondente".</summary>
    public static JsonArray Verified(string id, string key, bool matches)
    {
        var entry = new JsonObject { ["chiave"] = key };
        if (!matches)
        {
            entry["dettaglio"] = "Dato non corrispondente";
        }

        entry["id"] = id;
        entry["valore"] = matches ? "S" : "N";
        return [entry];
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject Comune(AnprComune comune) => new()
    {
        ["nomeComune"] = comune.Name,
        ["codiceIstat"] = comune.IstatCode,
        ["siglaProvinciaIstat"] = comune.Province,
    };

    private static JsonObject BirthPlace(AnprPlace place) => place.IsAbroad
        ? new JsonObject { ["localita"] = new JsonObject { ["descrizioneStato"] = place.Name, ["codiceStato"] = place.StateCode } }
        : new JsonObject
        {
            ["comune"] = new JsonObject { ["nomeComune"] = place.Name, ["codiceIstat"] = place.IstatCode, ["siglaProvinciaIstat"] = place.Province },
        };

    private static JsonObject Address(AnprAddress address)
    {
        var number = new JsonObject { ["numero"] = address.Number };
        if (address.Metric is { } metric)
        {
            number["metrico"] = metric;
        }

        if (address.Staircase is not null || address.Interior is not null)
        {
            var inner = new JsonObject();
            if (address.Staircase is { } staircase)
            {
                inner["scala"] = staircase;
            }

            if (address.Interior is { } interior)
            {
                inner["interno1"] = interior;
            }

            number["civicoInterno"] = inner;
        }

        return new JsonObject
        {
            ["cap"] = address.Cap,
            ["comune"] = Comune(address.Comune),
            ["toponimo"] = new JsonObject { ["specie"] = address.Species, ["specieFonte"] = "1", ["denominazioneToponimo"] = address.Street },
            ["numeroCivico"] = number,
        };
    }

    private static JsonObject Abroad(AnprAbroadAddress abroad) => new()
    {
        ["indirizzoEstero"] = new JsonObject
        {
            ["cap"] = abroad.PostCode,
            ["localita"] = new JsonObject
            {
                ["descrizioneLocalita"] = abroad.Locality,
                ["descrizioneStato"] = abroad.State.Name,
                ["codiceStato"] = abroad.State.StateCode,
            },
            ["toponimo"] = new JsonObject { ["denominazione"] = abroad.Street, ["numeroCivico"] = abroad.Number },
        },
        ["consolato"] = new JsonObject { ["codiceConsolato"] = abroad.ConsulateCode, ["descrizioneConsolato"] = abroad.ConsulateName },
    };
}
