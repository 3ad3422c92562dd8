using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.Anpr;
using InteropHub.Testing;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>Every service's happy path: the data ANPR returns for it (docs/platforms/anpr.md §2.2), in the shapes of the official specs.</summary>
public sealed class ServiceAnswerTests(AnprHost host) : IClassFixture<AnprHost>
{
    private static readonly OpenApiSchemas C001 = OpenApiSchemas.Load("C001-servizioNotifica.yaml");
    private static readonly OpenApiSchemas C003 = OpenApiSchemas.Load("anprApiC003.openapi.yaml");
    private static readonly OpenApiSchemas C021 = OpenApiSchemas.Load("C021-servizioAccertamentoStatoFamiglia.yaml");
    private static readonly OpenApiSchemas C030 = OpenApiSchemas.Load("anprApiC030.openapi.yaml");

    private AnprSandbox Anpr => host.Anpr;

    private AnprSubject Resident => Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];

    [Fact]
    public async Task C030_turns_a_fiscal_code_into_the_id_anpr_without_the_en148_warning()
    {
        var request = AnprHost.ByFiscalCode("C030", Resident.FiscalCode);

        var (status, body) = await host.Call("C030", request);

        Assert.Equal(200, status);
        Assert.Equal(Resident.IdAnpr, Subject(body).GetProperty("identificativi").GetProperty("idANPR").GetString());
        Assert.Equal(["identificativi"], Subject(body).EnumerateObject().Select(p => p.Name));
        Assert.False(body.TryGetProperty("listaAnomalie", out _));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-005056ae5232$", body.GetProperty("idOperazioneANPR").GetString());
        Assert.Empty(C030.Violations(Parse(request), "RichiestaE002"));
        Assert.Empty(C030.Violations(body, "RispostaE002OK"));
    }

    [Fact]
    public async Task C001_returns_generalita_residence_life_status_and_id_anpr()
    {
        var request = AnprHost.ByIdAnpr("C001", Resident.IdAnpr);

        var (status, body) = await host.Call("C001", request);

        Assert.Equal(200, status);
        var subject = Subject(body);
        Assert.Equal(["generalita", "residenza", "infoSoggettoEnte", "identificativi"], subject.EnumerateObject().Select(p => p.Name));
        AssertGeneralities(Resident, subject.GetProperty("generalita"));
        var residence = Assert.Single(subject.GetProperty("residenza").EnumerateArray());
        var address = Resident.Residences[^1].Address!;
        Assert.Equal(address.Street, residence.GetProperty("indirizzo").GetProperty("toponimo").GetProperty("denominazioneToponimo").GetString());
        Assert.Equal("072006", residence.GetProperty("indirizzo").GetProperty("comune").GetProperty("codiceIstat").GetString());
        Assert.Equal(Date(Resident.Residences[^1].Since), residence.GetProperty("dataDecorrenzaResidenza").GetString());
        AssertAlive(subject);
        Assert.Empty(C001.Violations(Parse(request), "RichiestaE002"));
        Assert.Empty(C001.Violations(body, "RispostaE002OK"));
    }

    [Fact]
    public async Task C015_returns_generalita_and_id_anpr()
    {
        var (status, body) = await host.Call("C015", AnprHost.ByIdAnpr("C015", Resident.IdAnpr));

        Assert.Equal(200, status);
        Assert.Equal(["generalita", "identificativi"], Subject(body).EnumerateObject().Select(p => p.Name));
        AssertGeneralities(Resident, Subject(body).GetProperty("generalita"));
        Assert.Empty(C001.Violations(body, "RispostaE002OK"));
    }

    [Fact]
    public async Task C019_returns_the_life_status_of_a_living_subject()
    {
        var (status, body) = await host.Call("C019", AnprHost.ByIdAnpr("C019", Resident.IdAnpr));

        Assert.Equal(200, status);
        Assert.Equal(["generalita", "identificativi", "infoSoggettoEnte"], Subject(body).EnumerateObject().Select(p => p.Name));
        AssertAlive(Subject(body));
        Assert.Empty(C001.Violations(body, "RispostaE002OK"));
    }

    [Fact]
    public async Task C019_returns_the_death_date_of_a_subject_dead_long_ago()
    {
        var dead = Anpr.Subjects(AnprSubjectCategory.Deceased, 1, "demo-b")[0];

        var (_, body) = await host.Call("C019", AnprHost.ByIdAnpr("C019", dead.IdAnpr));

        var info = Subject(body).GetProperty("infoSoggettoEnte").EnumerateArray().ToList();
        Assert.Equal(("Data decesso", "1015", Date(dead.DeathDate!.Value)), (Text(info[0], "chiave"), Text(info[0], "id"), Text(info[0], "valoreData")));
        Assert.Equal(("Verifica esistenza in vita", "1003", "N"), (Text(info[1], "chiave"), Text(info[1], "id"), Text(info[1], "valore")));
    }

    [Fact]
    public async Task C020_returns_the_one_residence_in_force_on_the_reference_date()
    {
        var moved = Anpr.Subjects(AnprSubjectCategory.Resident, 500, "demo-a").First(s => s.Residences.Count == 2);
        var before = moved.Residences[1].Since.AddDays(-1);

        var (_, now) = await host.Call("C020", AnprHost.ByIdAnpr("C020", moved.IdAnpr));
        var (_, then) = await host.Call("C020", AnprHost.Request("C020", new JsonObject { ["idANPR"] = moved.IdAnpr }, reference: before));

        Assert.Equal(Date(moved.Residences[1].Since), Single(now, "residenza").GetProperty("dataDecorrenzaResidenza").GetString());
        Assert.Equal(Date(moved.Residences[0].Since), Single(then, "residenza").GetProperty("dataDecorrenzaResidenza").GetString());
        Assert.Empty(C001.Violations(now, "RispostaE002OK"));
    }

    [Fact]
    public async Task C020_of_a_resident_abroad_gives_the_foreign_address_and_aire_data()
    {
        var expatriate = Anpr.Subjects(AnprSubjectCategory.Abroad, 1, "demo-a")[0];
        var abroad = expatriate.Residences[^1];

        var (_, body) = await host.Call("C020", AnprHost.ByIdAnpr("C020", expatriate.IdAnpr));

        var residence = Single(body, "residenza");
        Assert.False(residence.TryGetProperty("indirizzo", out _));
        var foreign = residence.GetProperty("localitaEstera");
        Assert.Equal(abroad.Abroad!.State.StateCode, foreign.GetProperty("indirizzoEstero").GetProperty("localita").GetProperty("codiceStato").GetString());
        Assert.Equal(abroad.Abroad.ConsulateCode, foreign.GetProperty("consolato").GetProperty("codiceConsolato").GetString());
        var generalities = Subject(body).GetProperty("generalita");
        Assert.Equal(("S", abroad.Since.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Text(generalities, "soggettoAIRE"), Text(generalities, "annoEspatrio")));
        Assert.Empty(C001.Violations(body, "RispostaE002OK"));
    }

    [Fact]
    public async Task C021_lists_the_living_members_of_the_family_with_their_relationship()
    {
        var head = Anpr.Subjects(AnprSubjectCategory.FamilyHead, 50, "demo-b").First(h => Anpr.Household(h).Count >= 3 && Anpr.Household(h).All(m => m.DeathDate is null));
        var request = AnprHost.ByIdAnpr("C021", head.IdAnpr);

        var (status, body) = await host.Call("C021", request);

        Assert.Equal(200, status);
        var members = body.GetProperty("listaSoggetti").GetProperty("datiSoggetto").EnumerateArray().ToList();
        var household = Anpr.Household(head);
        Assert.Equal(household.Select(m => m.IdAnpr), members.Select(m => m.GetProperty("identificativi").GetProperty("idANPR").GetString()));
        Assert.All(members.Zip(household), pair =>
        {
            var link = pair.First.GetProperty("legameSoggetto");
            Assert.Equal(pair.Second.Family!.RelationshipCode, Text(link, "codiceLegame"));
            Assert.Equal("3", Text(link, "tipoLegame"));
            Assert.Equal(pair.Second.Family.Member.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(link, "progressivoComponente"));
            Assert.Equal(Date(pair.Second.Family.Since), Text(link, "dataDecorrenza"));
        });
        Assert.Equal("1", Text(members[0].GetProperty("legameSoggetto"), "codiceLegame"));
        Assert.Empty(C021.Violations(Parse(request), "RichiestaE002"));
        Assert.Empty(C021.Violations(body, "RispostaE002OK"));
    }

    [Fact]
    public async Task C021_leaves_out_a_member_who_died_and_shows_him_for_a_date_before_the_death()
    {
        var widow = Anpr.Subjects(AnprSubjectCategory.Resident, 5000, "demo-a")
            .First(s => s.Family?.RelationshipCode == AnprFamilyLink.Head && Anpr.Household(s).Any(m => m.DeathDate is not null));
        var dead = Anpr.Household(widow).Single(m => m.DeathDate is not null);

        var (_, now) = await host.Call("C021", AnprHost.ByIdAnpr("C021", widow.IdAnpr));
        var (_, before) = await host.Call("C021", AnprHost.Request("C021", new JsonObject { ["idANPR"] = widow.IdAnpr }, reference: dead.DeathDate));

        Assert.DoesNotContain(dead.IdAnpr, Ids(now));
        Assert.Contains(dead.IdAnpr, Ids(before));
    }

    [Fact]
    public async Task C003_confirms_matching_generalita_and_denies_swapped_names()
    {
        var subject = Resident;
        JsonObject Declared(string surname, string name) => new()
        {
            ["codiceFiscale"] = new JsonObject { ["codFiscale"] = subject.FiscalCode },
            ["cognome"] = surname,
            ["nome"] = name,
            ["sesso"] = subject.Sex == AnprSex.Male ? "M" : "F",
            ["dataNascita"] = Date(subject.BirthDate),
        };
        var matching = AnprHost.ByIdAnpr("C003", subject.IdAnpr);
        matching["verifica"] = new JsonObject { ["generalita"] = Declared(subject.Surname.ToLowerInvariant(), subject.GivenName) };
        var swapped = AnprHost.ByIdAnpr("C003", subject.IdAnpr);
        swapped["verifica"] = new JsonObject { ["generalita"] = Declared(subject.GivenName, subject.Surname) };

        var (status, yes) = await host.Call("C003", matching);
        var (_, no) = await host.Call("C003", swapped);

        Assert.Equal(200, status);
        var confirmed = Single(yes, "infoSoggettoEnte");
        Assert.Equal(("1002", "Verifica generalita'", "S"), (Text(confirmed, "id"), Text(confirmed, "chiave"), Text(confirmed, "valore")));
        var denied = Single(no, "infoSoggettoEnte");
        Assert.Equal(("N", "Dato non corrispondente"), (Text(denied, "valore"), Text(denied, "dettaglio")));
        Assert.Empty(C003.Violations(Parse(matching), "RichiestaE002"));
        Assert.Empty(C003.Violations(yes, "RispostaE002OK"));
        Assert.Empty(C003.Violations(no, "RispostaE002OK"));
    }

    [Fact]
    public async Task C003_without_generalita_to_verify_is_refused_with_en148()
    {
        var (status, body) = await host.Call("C003", AnprHost.ByIdAnpr("C003", Resident.IdAnpr));

        Assert.Equal(400, status);
        Assert.Equal(("EN148", "E"), Error(body));
        Assert.Empty(C003.Violations(body, "RispostaKO"));
    }

    [Fact]
    public async Task C007_says_s_for_the_living_and_n_for_the_dead()
    {
        var dead = Anpr.Subjects(AnprSubjectCategory.Deceased, 1, "demo-a")[0];

        var (_, alive) = await host.Call("C007", AnprHost.ByIdAnpr("C007", Resident.IdAnpr));
        var (_, deceased) = await host.Call("C007", AnprHost.ByIdAnpr("C007", dead.IdAnpr));

        Assert.Equal(("1003", "S"), (Text(Single(alive, "infoSoggettoEnte"), "id"), Text(Single(alive, "infoSoggettoEnte"), "valore")));
        Assert.Equal("N", Text(Single(deceased, "infoSoggettoEnte"), "valore"));
        Assert.Empty(C003.Violations(alive, "RispostaE002OK"));
    }

    [Fact]
    public async Task C008_checks_the_declared_address_and_wants_a_comune()
    {
        var address = Resident.Residences[^1].Address!;
        JsonObject Check(JsonObject? comune, string street)
        {
            var request = AnprHost.ByIdAnpr("C008", Resident.IdAnpr);
            var indirizzo = new JsonObject
            {
                ["toponimo"] = new JsonObject { ["specie"] = address.Species, ["denominazioneToponimo"] = street },
                ["numeroCivico"] = new JsonObject { ["numero"] = address.Number },
            };
            if (comune is not null)
            {
                indirizzo["comune"] = comune;
            }

            request["verifica"] = new JsonObject { ["residenza"] = new JsonObject { ["tipoIndirizzo"] = "1", ["indirizzo"] = indirizzo } };
            return request;
        }

        var (_, right) = await host.Call("C008", Check(new JsonObject { ["codiceIstat"] = "072006" }, address.Street));
        var (_, wrong) = await host.Call("C008", Check(new JsonObject { ["nomeComune"] = "BARI" }, "VIA CHE NON C'E'"));
        var (status, noComune) = await host.Call("C008", Check(null, address.Street));

        Assert.Equal("S", Text(Single(right, "infoSoggettoEnte"), "valore"));
        Assert.Equal("N", Text(Single(wrong, "infoSoggettoEnte"), "valore"));
        Assert.Equal(400, status);
        Assert.Equal("Devi specificare il comune di residenza per questo caso d'uso", Text(noComune.GetProperty("listaErrori")[0], "testoErroreAnomalia"));
    }

    [Fact]
    public async Task Optional_criteria_sent_as_null_are_ignored_as_java_clients_send_them()
    {
        var request = AnprHost.Request("C030", new JsonObject
        {
            ["codiceFiscale"] = Resident.FiscalCode,
            ["idANPR"] = null,
            ["cognome"] = null,
            ["datiNascita"] = null,
        });

        var (status, _) = await host.Call("C030", request);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Status_answers_ok_in_the_rispostako_shape()
    {
        using var response = await host.Status("C021", consumer: "client-a");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await AnprHost.Json(response);
        Assert.Equal(("200", "OK"), (Text(body.GetProperty("listaErrori")[0], "codiceErroreAnomalia"), Text(body.GetProperty("listaErrori")[0], "testoErroreAnomalia")));
        Assert.Empty(C021.Violations(body, "RispostaKO"));
    }

    [Fact]
    public async Task Answers_carry_a_govway_transaction_id()
    {
        using var response = await host.Post("C030", AnprHost.ByFiscalCode("C030", Resident.FiscalCode));

        Assert.Matches("^[0-9a-f-]{36}$", Assert.Single(response.Headers.GetValues("GovWay-Transaction-ID")));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private static void AssertGeneralities(AnprSubject expected, JsonElement generalities)
    {
        Assert.Equal(expected.FiscalCode, generalities.GetProperty("codiceFiscale").GetProperty("codFiscale").GetString());
        Assert.Equal(expected.FiscalCodeValidated ? "1" : "9", generalities.GetProperty("codiceFiscale").GetProperty("validitaCF").GetString());
        Assert.Equal((expected.Surname, expected.GivenName), (Text(generalities, "cognome"), Text(generalities, "nome")));
        Assert.Equal((expected.Sex == AnprSex.Male ? "M" : "F", Date(expected.BirthDate)), (Text(generalities, "sesso"), Text(generalities, "dataNascita")));
        var birthPlace = generalities.GetProperty("luogoNascita");
        Assert.Equal(
            expected.BirthPlace.IsAbroad ? expected.BirthPlace.StateCode : expected.BirthPlace.IstatCode,
            expected.BirthPlace.IsAbroad ? Text(birthPlace.GetProperty("localita"), "codiceStato") : Text(birthPlace.GetProperty("comune"), "codiceIstat"));
        Assert.Equal(expected.RecordNumber, Text(generalities, "idSchedaSoggettoANPR"));
    }

    private static void AssertAlive(JsonElement subject)
    {
        var info = Assert.Single(subject.GetProperty("infoSoggettoEnte").EnumerateArray());
        Assert.Equal(("Verifica esistenza in vita", "1003", "S"), (Text(info, "chiave"), Text(info, "id"), Text(info, "valore")));
    }

    private static JsonElement Subject(JsonElement body) => Assert.Single(body.GetProperty("listaSoggetti").GetProperty("datiSoggetto").EnumerateArray());

    private static JsonElement Single(JsonElement body, string group) => Assert.Single(Subject(body).GetProperty(group).EnumerateArray());

    private static IEnumerable<string?> Ids(JsonElement body) =>
        body.GetProperty("listaSoggetti").GetProperty("datiSoggetto").EnumerateArray().Select(m => m.GetProperty("identificativi").GetProperty("idANPR").GetString());

    private static (string?, string?) Error(JsonElement body)
    {
        var error = Assert.Single(body.GetProperty("listaErrori").EnumerateArray());
        return (Text(error, "codiceErroreAnomalia"), Text(error, "tipoErroreAnomalia"));
    }

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Parse(JsonNode node) => JsonSerializer.Deserialize<JsonElement>(node.ToJsonString());
}
