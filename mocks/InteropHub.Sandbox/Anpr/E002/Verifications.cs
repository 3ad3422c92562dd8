using System.Text.Json;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// The yes/no checks of the verification services: each declared datum the request carries must equal the
/// register's; data the request leaves out are not checked.
/// </summary>
internal static class Verifications
{
    /// <summary>C003 <c>verifica.generalita</c>; null when it carries nothing to check.</summary>
    public static bool? Generalities(JsonElement declared, AnprSubject subject)
    {
        var birthPlace = E002Request.Member(declared, "luogoNascita", JsonValueKind.Object);
        var checks = new List<bool?>
        {
            Same(Nested(declared, "codiceFiscale", "codFiscale"), subject.FiscalCode),
            Same(E002Request.Text(declared, "cognome"), subject.Surname),
            Same(E002Request.Text(declared, "nome"), subject.GivenName),
            Same(E002Request.Text(declared, "sesso"), subject.Sex == AnprSex.Male ? "M" : "F"),
            Same(E002Request.Text(declared, "dataNascita"), SubjectJson.Date(subject.BirthDate)),
        };
        if (birthPlace is { } place)
        {
            checks.Add(Same(Nested(place, "comune", "codiceIstat"), subject.BirthPlace.IstatCode));
            checks.Add(Same(Nested(place, "comune", "nomeComune"), subject.BirthPlace.IstatCode is null ? null : subject.BirthPlace.Name));
            checks.Add(Same(Nested(place, "localita", "codiceStato"), subject.BirthPlace.StateCode));
        }

        return checks.All(c => c is null) ? null : Matches(checks);
    }

    /// <summary>C008 <c>verifica.residenza</c> against the residence in force; null when it names no comune or foreign locality.</summary>
    public static bool? Residence(JsonElement declared, AnprResidence? actual)
    {
        if (E002Request.Member(declared, "indirizzo", JsonValueKind.Object) is { } address
            && E002Request.Member(address, "comune", JsonValueKind.Object) is { } comune
            && (E002Request.Text(comune, "codiceIstat") is not null || E002Request.Text(comune, "nomeComune") is not null))
        {
            var real = actual?.Address;
            return real is not null && Matches(
            [
                Same(E002Request.Text(comune, "codiceIstat"), real?.Comune.IstatCode),
                Same(E002Request.Text(comune, "nomeComune"), real?.Comune.Name),
                Same(E002Request.Text(address, "cap"), real?.Cap),
                Same(Nested(address, "toponimo", "specie"), real?.Species),
                Same(Nested(address, "toponimo", "denominazioneToponimo"), real?.Street),
                Same(Nested(address, "numeroCivico", "numero"), real?.Number),
            ]);
        }

        if (E002Request.Member(declared, "localitaEstera", JsonValueKind.Object) is { } foreign
            && E002Request.Member(foreign, "indirizzoEstero", JsonValueKind.Object) is { } foreignAddress
            && E002Request.Member(foreignAddress, "localita", JsonValueKind.Object) is { } locality
            && (E002Request.Text(locality, "codiceStato") is not null || E002Request.Text(locality, "descrizioneLocalita") is not null))
        {
            var real = actual?.Abroad;
            return real is not null && Matches(
            [
                Same(E002Request.Text(locality, "codiceStato"), real?.State.StateCode),
                Same(E002Request.Text(locality, "descrizioneLocalita"), real?.Locality),
            ]);
        }

        return null;
    }

    /// <summary>Whether no declared datum differs.</summary>
    private static bool Matches(IReadOnlyList<bool?> checks) => checks.All(c => c is not false);

    /// <summary>Null when not declared; else a case- and space-insensitive comparison.</summary>
    private static bool? Same(string? declared, string? actual) =>
        declared is null ? null : string.Equals(Normalized(declared), actual is null ? null : Normalized(actual), StringComparison.OrdinalIgnoreCase);

    private static string Normalized(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? Nested(JsonElement parent, string member, string name) =>
        E002Request.Member(parent, member, JsonValueKind.Object) is { } inner ? E002Request.Text(inner, name) : null;
}
