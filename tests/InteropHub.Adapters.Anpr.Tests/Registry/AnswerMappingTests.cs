using InteropHub.Adapters.Anpr.Tests.TestSupport;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Tests.Registry;

/// <summary>Every service's answer, as the specs shape it, turned into the normalized registry model.</summary>
public sealed class AnswerMappingTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private readonly AnprHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Profile_from_C020_has_generalita_current_residence_and_life()
    {
        var profile = await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.Equal(AnprHost.Giovanni, profile.FiscalCode);
        Assert.Equal(AnprSamples.GiovanniIdAnpr, profile.IdAnpr);
        Assert.Equal(Today, profile.ReferenceDate);
        Assert.Equal("PROVA", profile.Surname);
        Assert.Equal("GIOVANNI", profile.GivenName);
        Assert.Equal(Sex.Male, profile.Sex);
        Assert.Equal(new DateOnly(1990, 10, 10), profile.BirthDate);
        Assert.Equal(new Municipality { Name = "ROMA", IstatCode = "058091", Province = "RM" }, profile.BirthPlace!.Municipality);
        Assert.False(profile.RegisteredAbroad);
        Assert.True(profile.Alive);
        Assert.Null(profile.DeathDate);
        Assert.Empty(profile.Warnings);

        var residence = profile.CurrentResidence!;
        Assert.Equal(new DateOnly(2019, 3, 1), residence.Since);
        Assert.Equal("1", residence.AddressType);
        Assert.Equal("ROSSI", residence.CareOf);
        Assert.Equal(
            new ItalianAddress
            {
                PostalCode = "41026",
                Municipality = new Municipality { Name = "PAVULLO NEL FRIGNANO", IstatCode = "036030", Province = "MO" },
                StreetType = "VIA",
                StreetName = "AMERIGO VESPUCCI",
                HouseNumber = "55",
                Staircase = "B4",
                Unit = "3",
                Floor = "2",
            },
            residence.Address);
        Assert.Null(residence.Abroad);

        Assert.Equal(["C030", "C020"], profile.Operations.Select(o => o.Service));
        Assert.Equal(["d1af4e8f-60b5-11f1-93ff-005056ae5232", "58370927"], profile.Operations.Select(o => o.AnprOperationId));
        Assert.Equal(_host.Anpr.Received.Select(r => r.OperationId), profile.Operations.Select(o => o.ClientOperationId));
    }

    [Fact]
    public async Task Profile_of_a_resident_abroad_has_the_foreign_birth_place_and_aire_address_and_is_dead_from_the_death_date_alone()
    {
        _host.Anpr.On("C020", _ => AnprSamples.Ok(AnprSamples.C020Abroad));

        var profile = await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.True(profile.RegisteredAbroad);
        Assert.Equal(new Place { Locality = "BUENOS AIRES", Country = "ARGENTINA", CountryCode = "602" }, profile.BirthPlace);
        Assert.Equal(
            new ForeignAddress
            {
                PostalCode = "C1002",
                Locality = "BUENOS AIRES",
                Country = "ARGENTINA",
                CountryCode = "602",
                Region = "CABA",
                Street = "AVENIDA DE MAYO",
                HouseNumber = "1370",
                Consulate = "BUENOS AIRES",
                ConsulateCode = "4061",
            },
            profile.CurrentResidence!.Abroad);
        Assert.Null(profile.CurrentResidence.Address);
        Assert.False(profile.Alive);
        Assert.Equal(new DateOnly(2024, 2, 3), profile.DeathDate);
    }

    [Fact]
    public async Task Profile_of_a_dead_resident_reads_the_1003_and_1015_facts()
    {
        _host.Anpr.On("C020", _ => AnprSamples.Ok(AnprSamples.C020(AnprSamples.Dead)));

        var profile = await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.False(profile.Alive);
        Assert.Equal(new DateOnly(2016, 11, 15), profile.DeathDate);
    }

    [Fact]
    public async Task Profile_can_come_from_C001_with_residence_and_the_alive_flag()
    {
        using var host = new AnprHost(new() { ["Adapters:Anpr:ProfileService"] = "C001" });

        var profile = await host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.Equal(["C030", "C001"], profile.Operations.Select(o => o.Service));
        Assert.Equal("GIOVANNI", profile.GivenName);
        Assert.Equal("AMERIGO VESPUCCI", profile.CurrentResidence!.Address!.StreetName);
        Assert.True(profile.Alive);
    }

    [Fact]
    public async Task Profile_from_C015_has_generalita_but_neither_residence_nor_life()
    {
        using var host = new AnprHost(new() { ["Adapters:Anpr:ProfileService"] = "C015" });

        var profile = await host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        Assert.Equal(["C030", "C015"], profile.Operations.Select(o => o.Service));
        Assert.Equal("PROVA", profile.Surname);
        Assert.Equal(new DateOnly(1990, 10, 10), profile.BirthDate);
        Assert.Null(profile.CurrentResidence);
        Assert.Null(profile.Alive);
        Assert.Null(profile.DeathDate);
    }

    [Fact]
    public async Task Residence_from_C020_lists_the_history_newest_first_and_picks_the_one_in_force()
    {
        var residence = await _host.Registry.GetResidenceAsync(AnprHost.Query(), Ct);

        Assert.Equal([new DateOnly(2019, 3, 1), new DateOnly(2010, 5, 15)], residence.History.Select(r => r.Since!.Value));
        Assert.Same(residence.History[0], residence.Current);
        Assert.Equal("12", residence.History[1].Address!.HouseNumber);
        Assert.Equal("A", residence.History[1].Address!.HouseNumberLetter);
        Assert.Null(residence.DeathDate);
    }

    [Fact]
    public async Task Residence_at_a_past_date_is_the_one_in_force_then_and_the_date_is_sent()
    {
        var at = new DateOnly(2015, 1, 1);

        var residence = await _host.Registry.GetResidenceAsync(AnprHost.Query(at: at), Ct);

        Assert.Equal(at, residence.ReferenceDate);
        Assert.Equal(new DateOnly(2010, 5, 15), residence.Current!.Since);
        Assert.All(_host.Anpr.Received, r => Assert.Equal("2015-01-01", r.Data("dataRiferimentoRichiesta")));
    }

    [Fact]
    public async Task Family_from_C021_lists_every_member_with_the_decoded_relationship()
    {
        var family = await _host.Registry.GetFamilyAsync(AnprHost.Query(), Ct);

        Assert.Equal(3, family.Members.Count);
        var (head, wife, other) = (family.Members[0], family.Members[1], family.Members[2]);

        Assert.True(head.IsQueriedResident);
        Assert.Equal(FamilyRelationship.Head, head.Relationship);
        Assert.Equal(AnprHost.Giovanni, head.FiscalCode);
        Assert.Equal(new DateOnly(2019, 3, 1), head.Since);

        Assert.False(wife.IsQueriedResident);
        Assert.Equal(FamilyRelationship.Spouse, wife.Relationship); // "02": zero-padded
        Assert.Equal("02", wife.RelationshipCode);
        Assert.Equal("MOGLIE", wife.RelationshipType);
        Assert.Equal(AnprHost.Claudia, wife.FiscalCode);
        Assert.Equal(AnprSamples.ClaudiaIdAnpr, wife.IdAnpr);
        Assert.Equal(Sex.Female, wife.Sex);
        Assert.Equal(new DateOnly(2020, 6, 20), wife.RelationshipSince);
        Assert.Null(wife.DeathDate);

        Assert.Equal(FamilyRelationship.Other, other.Relationship); // 99: non definito
        Assert.Null(other.FiscalCode); // "ABC" is no personal fiscal code
        Assert.Equal("ANNA", other.GivenName);
        Assert.Equal(new DateOnly(2023, 4, 5), other.DeathDate);
    }

    [Fact]
    public async Task Family_answer_without_subjects_is_an_empty_family()
    {
        _host.Anpr.On("C021", _ => AnprSamples.Ok("""{"idOperazioneANPR":"1","listaSoggetti":{"datiSoggetto":[]}}"""));

        var family = await _host.Registry.GetFamilyAsync(AnprHost.Query(), Ct);

        Assert.Empty(family.Members);
    }

    [Theory]
    [InlineData("1", FamilyRelationship.Head)]
    [InlineData("3", FamilyRelationship.Child)]
    [InlineData("9", FamilyRelationship.Sibling)]
    [InlineData("18", FamilyRelationship.SiblingInLaw)]
    [InlineData("023", FamilyRelationship.Cohabitant)]
    [InlineData("28", FamilyRelationship.CivilPartner)]
    [InlineData("80", FamilyRelationship.Adopted)]
    [InlineData("27", FamilyRelationship.Other)]
    [InlineData("x", FamilyRelationship.Other)]
    public void Relationship_codes_follow_the_anpr_table(string code, FamilyRelationship expected)
    {
        Assert.Equal(expected, Mapping.FamilyRelationships.Decode(code));
    }

    [Theory]
    [InlineData(AnprSamples.Alive, true, null)]
    [InlineData(AnprSamples.Dead, false, "2016-11-15")]
    [InlineData("[]", true, null)] // neither fact: ANPR returns the dead with their death data
    public async Task Life_status_from_C019_reads_the_alive_flag_and_the_death_date(string info, bool alive, string? deathDate)
    {
        _host.Anpr.On("C019", _ => AnprSamples.Ok(AnprSamples.C019(info)));

        var status = await _host.Registry.GetLifeStatusAsync(AnprHost.Query(), Ct);

        Assert.Equal(alive, status.Alive);
        Assert.Equal(deathDate is null ? null : DateOnly.Parse(deathDate, System.Globalization.CultureInfo.InvariantCulture), status.DeathDate);
        Assert.Equal(["C030", "C019"], status.Operations.Select(o => o.Service));
    }

    [Theory]
    [InlineData("S", VerificationOutcome.Confirmed)]
    [InlineData("N", VerificationOutcome.NotConfirmed)]
    [InlineData("A", VerificationOutcome.Undetermined)]
    public async Task Residence_check_goes_to_C008_with_the_comune_and_maps_the_answer(string valore, VerificationOutcome expected)
    {
        _host.Anpr.On("C008", _ => AnprSamples.Ok(AnprSamples.Verification(valore)));

        var result = await _host.Registry.VerifyAsync(
            new VerificationQuery(AnprHost.Caller(), AnprHost.Giovanni, ResidentCheck.ResidentIn("036030")), Ct);

        Assert.Equal(ResidentCheckKind.ResidentInComune, result.Check);
        Assert.Equal(expected, result.Outcome);
        var request = Assert.Single(_host.Anpr.To("C008"));
        Assert.Equal("036030", request.Body["verifica"]!["residenza"]!["indirizzo"]!["comune"]!["codiceIstat"]!.GetValue<string>());
    }

    [Fact]
    public async Task Alive_check_goes_to_C007_without_declared_data()
    {
        _host.Anpr.On("C007", _ => AnprSamples.Ok(AnprSamples.Verification("N")));

        var result = await _host.Registry.VerifyAsync(new VerificationQuery(AnprHost.Caller(), AnprHost.Giovanni, ResidentCheck.Alive), Ct);

        Assert.Equal(VerificationOutcome.NotConfirmed, result.Outcome);
        Assert.Equal(ResidentCheckKind.Alive, result.Check);
        Assert.False(Assert.Single(_host.Anpr.To("C007")).Body.ContainsKey("verifica"));
    }

    [Fact]
    public async Task Identity_check_goes_to_C003_with_the_declared_generalita()
    {
        var identity = new DeclaredIdentity { Surname = "PROVA", GivenName = "GIOVANNI", Sex = Sex.Male, BirthDate = new DateOnly(1990, 10, 10) };

        var result = await _host.Registry.VerifyAsync(
            new VerificationQuery(AnprHost.Caller(), AnprHost.Giovanni, ResidentCheck.IdentityMatches(identity)), Ct);

        Assert.Equal(VerificationOutcome.Confirmed, result.Outcome);
        var generalita = Assert.Single(_host.Anpr.To("C003")).Body["verifica"]!["generalita"]!;
        Assert.Equal("PROVA", generalita["cognome"]!.GetValue<string>());
        Assert.Equal("GIOVANNI", generalita["nome"]!.GetValue<string>());
        Assert.Equal("M", generalita["sesso"]!.GetValue<string>());
        Assert.Equal("1990-10-10", generalita["dataNascita"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verification_answer_without_a_value_is_undetermined()
    {
        _host.Anpr.On("C007", _ => AnprSamples.Ok("""{"idOperazioneANPR":"1","listaSoggetti":{"datiSoggetto":[{}]}}"""));

        var result = await _host.Registry.VerifyAsync(new VerificationQuery(AnprHost.Caller(), AnprHost.Giovanni, ResidentCheck.Alive), Ct);

        Assert.Equal(VerificationOutcome.Undetermined, result.Outcome);
    }

    [Fact]
    public async Task Warnings_of_listaAnomalie_surface_in_the_model_with_fiscal_codes_masked()
    {
        _host.Anpr.On("C020", _ => AnprSamples.Ok(AnprSamples.C020().Replace("\"idOperazioneANPR\"", $"\"listaAnomalie\":{AnprSamples.En148Warning},\"idOperazioneANPR\"", StringComparison.Ordinal)));

        var profile = await _host.Registry.GetProfileAsync(AnprHost.Query(), Ct);

        var warning = Assert.Single(profile.Warnings);
        Assert.Equal("C020", warning.Service);
        Assert.Equal("EN148", warning.Code);
        Assert.StartsWith("Ricerca per codice fiscale PRV************Q", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AnprSamples.GiovanniCf, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_answer_without_subject_is_resident_not_found()
    {
        _host.Anpr.On("C019", _ => AnprSamples.Ok("""{"idOperazioneANPR":"1","listaSoggetti":{"datiSoggetto":[]}}"""));

        var problem = await Assert.ThrowsAsync<Contracts.Errors.HubProblemException>(() => _host.Registry.GetLifeStatusAsync(AnprHost.Query(), Ct));

        Assert.Equal(404, problem.Status);
        Assert.Equal(RegistryErrorCodes.ResidentNotFound, problem.Code);
    }
}
