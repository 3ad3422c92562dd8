using InteropHub.Adapters.Anpr.E002;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Mapping;

/// <summary>ANPR's subject schemas turned into the hub's registry model.</summary>
internal static class SubjectMapping
{
    // infoSoggettoEnte keys (Sogei, issue #4980): the alive flag and the death date.
    private const string AliveId = "1003";
    private const string AliveKey = "Verifica esistenza in vita";
    private const string DeathDateId = "1015";
    private const string DeathDateKey = "Data decesso";

    public static Place? Place(TipoLuogoEvento? place) => place is null ? null : new Place
    {
        Municipality = Municipality(place.Comune),
        Locality = AnprValues.Text(place.Localita?.DescrizioneLocalita),
        Country = AnprValues.Text(place.Localita?.DescrizioneStato),
        CountryCode = AnprValues.Text(place.Localita?.CodiceStato),
        Region = AnprValues.Text(place.Localita?.ProvinciaContea),
        Exceptional = AnprValues.Text(place.LuogoEccezionale),
    };

    public static Municipality? Municipality(TipoComune? comune) => comune is null ? null : new Municipality
    {
        Name = AnprValues.Text(comune.NomeComune),
        IstatCode = AnprValues.Text(comune.CodiceIstat),
        Province = AnprValues.Text(comune.SiglaProvinciaIstat),
        Locality = AnprValues.Text(comune.DescrizioneLocalita),
    };

    /// <summary>Every residence, the most recent first (undated ones last), and the one in force at <paramref name="referenceDate"/>.</summary>
    public static (Residence? Current, IReadOnlyList<Residence> History) Residences(IReadOnlyList<TipoResidenza>? residences, DateOnly referenceDate)
    {
        var history = (residences ?? [])
            .Select(Residence)
            .OrderByDescending(r => r.Since ?? DateOnly.MinValue)
            .ToList();
        return (history.FirstOrDefault(r => r.Since is null || r.Since <= referenceDate), history);
    }

    /// <summary>
    /// Alive flag and death date from <c>infoSoggettoEnte</c> (1003, 1015) or C021's <c>datiDecesso</c>. A death date
    /// means dead even when the flag is missing; a missing flag without death date stays unknown here.
    /// </summary>
    public static (bool? Alive, DateOnly? DeathDate) Life(TipoDatiSoggettiEnte subject)
    {
        var info = subject.InfoSoggettoEnte ?? [];
        var deathDate = AnprValues.Date(info.FirstOrDefault(i => Is(i, DeathDateId, DeathDateKey))?.ValoreData)
            ?? AnprValues.Date(subject.DatiDecesso?.DataEvento);
        var alive = AnprValues.YesNo(info.FirstOrDefault(i => Is(i, AliveId, AliveKey))?.Valore);
        return (alive ?? (deathDate is null ? null : false), deathDate);
    }

    /// <summary>A verification service's answer: the first <c>valore</c> among the subjects' facts.</summary>
    public static VerificationOutcome Outcome(IEnumerable<TipoDatiSoggettiEnte> subjects) =>
        subjects.SelectMany(s => s.InfoSoggettoEnte ?? []).Select(i => i.Valore?.Trim().ToUpperInvariant()).FirstOrDefault(v => !string.IsNullOrEmpty(v)) switch
        {
            "S" => VerificationOutcome.Confirmed,
            "N" => VerificationOutcome.NotConfirmed,
            _ => VerificationOutcome.Undetermined,
        };

    private static Residence Residence(TipoResidenza residence) => new()
    {
        AddressType = AnprValues.Text(residence.TipoIndirizzo),
        Since = AnprValues.Date(residence.DataDecorrenzaResidenza),
        Address = ItalianAddress(residence.Indirizzo),
        Abroad = ForeignAddress(residence.LocalitaEstera),
        CareOf = AnprValues.Text(residence.Presso),
        Notes = AnprValues.Text(residence.NoteIndirizzo),
    };

    private static ItalianAddress? ItalianAddress(TipoIndirizzo? address) => address is null ? null : new ItalianAddress
    {
        PostalCode = AnprValues.Text(address.Cap),
        Municipality = Municipality(address.Comune),
        Hamlet = AnprValues.Text(address.Frazione),
        StreetType = AnprValues.Text(address.Toponimo?.Specie),
        StreetName = AnprValues.Text(address.Toponimo?.DenominazioneToponimo),
        HouseNumber = AnprValues.Text(address.NumeroCivico?.Numero),
        HouseNumberLetter = AnprValues.Text(address.NumeroCivico?.Lettera),
        HouseNumberExponent = AnprValues.Text(address.NumeroCivico?.Esponente1),
        Staircase = AnprValues.Text(address.NumeroCivico?.CivicoInterno?.Scala),
        Unit = AnprValues.Text(address.NumeroCivico?.CivicoInterno?.Interno1),
        Floor = AnprValues.Text(address.NumeroCivico?.CivicoInterno?.Piano),
    };

    private static ForeignAddress? ForeignAddress(TipoLocalitaEstera1? abroad) => abroad is null ? null : new ForeignAddress
    {
        PostalCode = AnprValues.Text(abroad.IndirizzoEstero?.Cap),
        Locality = AnprValues.Text(abroad.IndirizzoEstero?.Localita?.DescrizioneLocalita),
        Country = AnprValues.Text(abroad.IndirizzoEstero?.Localita?.DescrizioneStato),
        CountryCode = AnprValues.Text(abroad.IndirizzoEstero?.Localita?.CodiceStato),
        Region = AnprValues.Text(abroad.IndirizzoEstero?.Localita?.ProvinciaContea),
        Street = AnprValues.Text(abroad.IndirizzoEstero?.Toponimo?.Denominazione),
        HouseNumber = AnprValues.Text(abroad.IndirizzoEstero?.Toponimo?.NumeroCivico),
        Consulate = AnprValues.Text(abroad.Consolato?.DescrizioneConsolato),
        ConsulateCode = AnprValues.Text(abroad.Consolato?.CodiceConsolato),
    };

    private static bool Is(TipoInfoSoggettoEnte info, string id, string key) =>
        string.Equals(info.Id?.Trim(), id, StringComparison.Ordinal) || string.Equals(info.Chiave?.Trim(), key, StringComparison.OrdinalIgnoreCase);
}
