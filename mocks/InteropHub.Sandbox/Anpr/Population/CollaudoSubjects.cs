using System.Globalization;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// ANPR's fictitious collaudo test subjects (docs/platforms/anpr.md §5.1), so that code written against collaudo finds them here too.
/// The two deceased ones have no published idANPR: theirs are the sandbox's own.
/// </summary>
internal static class CollaudoSubjects
{
    public const string Population = "collaudo";

    private static readonly AnprComune Roma = new("ROMA", "058091", "RM", "H501", ["00184"]);
    private static readonly AnprComune Pavullo = new("PAVULLO NEL FRIGNANO", "036030", "MO", "G393", ["41026"]);
    private static readonly AnprComune Bolzano = new("BOLZANO", "021008", "BZ", "A952", ["39100"]);
    private static readonly AnprComune Trieste = new("TRIESTE", "032006", "TS", "L424", ["34121"]);

    public static IReadOnlyList<AnprSubject> All { get; } = Numbered(
    [
        Subject("UK79569LF", "PRVGNN90R10H501Q", "PROVA", "GIOVANNI", AnprSex.Male, new(1990, 10, 10), Roma, Home(Roma, "VIA", "APPIA NUOVA", "12")),
        Subject("JF28000UG", "NRECLD90R50H501G", "NERI", "CLAUDIA", AnprSex.Female, new(1990, 10, 10), Roma, Home(Roma, "VIA", "TUSCOLANA", "40")),
        Subject("AF41450AS", "STTSGT90A01H501J", "SETTIMO", "SOGGETTO", AnprSex.Male, new(1990, 1, 1), Roma,
            Home(Pavullo, "VIA", "AMERIGO VESPUCCI", "55") with { Staircase = "B4", Interior = "3" }) with { RecordNumber = "2775118" },
        Subject("EV45959WW", "NNOSGT90A01H501I", "NONO", "SOGGETTO", AnprSex.Male, new(1990, 1, 1), Roma, Home(Roma, "VIA", "NAZIONALE", "9")),
        Subject("TK44563XB", "TTVSGT90A01H501H", "OTTAVO", "SOGGETTO", AnprSex.Male, new(1990, 1, 1), Roma, Home(Roma, "VIA", "CAVOUR", "8")),
        Subject("LB27131ED", "NDRCPL01A01H501S", "INDIRIZZO", "COMPLESSO", AnprSex.Male, new(2001, 1, 1), Roma,
            Home(Roma, "VIA", "DEI QUATTRO VENTI", "151") with { Staircase = "C", Interior = "12" }),
        Subject("RE03592S1", "NDRMRC02B02H501D", "INDIRIZZO", "METRICO", AnprSex.Male, new(2002, 2, 2), Roma,
            Home(Roma, "VIA", "CASSIA", "1021") with { Metric = "1021" }),
        Subject("DU58740Y1", "TDSPRM00R10A952C", "TEDESCO", "PRIMO", AnprSex.Male, new(2000, 10, 10), Bolzano, Home(Bolzano, "VIA", "DEI PORTICI", "30")),
        Subject("DJ02468WZ", "SLVDNN00R50L424L", "SLOVENA", "DONNA", AnprSex.Female, new(2000, 10, 10), Trieste, Home(Trieste, "VIA", "DEL CORSO", "5")),
        Subject("GS66689VV", "TSDSND90R10A952M", "TEDESCO", "SECONDO", AnprSex.Male, new(1990, 10, 10), Bolzano, Home(Bolzano, "VIA", "MUSEO", "14")),
        Subject("OR69233LN", "PRVCCL60B50G393U", "PROVA", "CECILIA", AnprSex.Female, new(1960, 2, 10), Pavullo, Home(Pavullo, "VIA", "GIARDINI", "20"))
            with { CancelledOn = new DateOnly(2024, 6, 1) },
        Subject("ZX10001AA", "NRENTN80B22G393L", "NERI", "ANTONIO", AnprSex.Male, new(1980, 2, 22), Pavullo, Home(Pavullo, "VIA", "GIARDINI", "2"))
            with { DeathDate = new DateOnly(2022, 2, 3), DeathRecordedOn = new DateOnly(2022, 2, 4) },
        Subject("ZX10002AA", "SGGTTV60A01H501T", "SOGGETTO", "OTTAVIO", AnprSex.Male, new(1960, 1, 1), Roma, Home(Roma, "VIA", "APPIA NUOVA", "3"))
            with { DeathDate = new DateOnly(2021, 11, 13), DeathRecordedOn = new DateOnly(2021, 11, 15) },
    ]);

    /// <summary>Gives every subject without a published <c>idSchedaSoggettoANPR</c> one of the sandbox's own.</summary>
    private static AnprSubject[] Numbered(AnprSubject[] subjects) =>
        [.. subjects.Select((s, i) => s.RecordNumber.Length > 0 ? s : s with { RecordNumber = (2_775_101 + i).ToString(CultureInfo.InvariantCulture) })];

    private static AnprAddress Home(AnprComune comune, string species, string street, string number) =>
        new(comune, comune.Caps[0], species, street, number);

    private static AnprSubject Subject(
        string idAnpr, string fiscalCode, string surname, string givenName, AnprSex sex, DateOnly birth, AnprComune born, AnprAddress home) => new()
    {
        IdAnpr = idAnpr,
        FiscalCode = fiscalCode,
        Surname = surname,
        GivenName = givenName,
        Sex = sex,
        BirthDate = birth,
        BirthPlace = born.AsBirthPlace(),
        Population = Population,
        RecordNumber = string.Empty,
        Residences = [new AnprResidence(birth, home, null)],
    };
}
