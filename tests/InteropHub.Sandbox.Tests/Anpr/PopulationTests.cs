using System.Text.RegularExpressions;
using InteropHub.Sandbox.Anpr;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>What the generated register promises: size, valid and unique codes, every category, consistent families, determinism.</summary>
public sealed partial class PopulationTests(AnprHost host) : IClassFixture<AnprHost>
{
    private AnprSandbox Anpr => host.Anpr;

    private IEnumerable<AnprSubject> Everyone => Anpr.Populations.SelectMany(p => p.Subjects);

    [Theory]
    [InlineData("demo-a", "072006")]
    [InlineData("demo-b", "072029")]
    public void Each_demo_tenant_has_at_least_2000_living_residents_in_its_comune(string population, string istat)
    {
        var residents = Anpr.Subjects(AnprSubjectCategory.Resident, 100_000, population);

        Assert.True(residents.Count >= 2000, $"{population} has {residents.Count} residents");
        Assert.All(residents, r => Assert.Equal(istat, r.Residences[^1].Address!.Comune.IstatCode));
    }

    [Fact]
    public void Every_fiscal_code_is_valid_and_unique_and_every_id_anpr_has_anpr_shape()
    {
        var subjects = Everyone.Concat(Anpr.Subjects(AnprSubjectCategory.Collaudo, 100)).ToList();

        Assert.All(subjects, s => Assert.True(CodiceFiscale.IsValid(s.FiscalCode), s.FiscalCode));
        Assert.All(subjects, s => Assert.Matches(IdAnprShape(), s.IdAnpr));
        Assert.Equal(subjects.Count, subjects.Select(s => s.FiscalCode).Distinct().Count());
        Assert.Equal(subjects.Count, subjects.Select(s => s.IdAnpr).Distinct().Count());
    }

    [Fact]
    public void Fiscal_codes_follow_from_personal_data_and_omocodes_exist_only_where_the_base_code_is_taken()
    {
        var byCode = Everyone.ToDictionary(s => s.FiscalCode);

        Assert.All(byCode.Values, s => Assert.Equal(
            CodiceFiscaleCalculator.Compute(s.Surname, s.GivenName, s.Sex, s.BirthDate, s.BirthPlace.CadastralCode),
            CodiceFiscale.BaseCode(s.FiscalCode)));
        var omocodes = byCode.Values.Where(s => s.IsOmocode).ToList();
        Assert.True(omocodes.Count >= 20, $"{omocodes.Count} omocodes");
        Assert.All(omocodes, s => Assert.True(byCode.ContainsKey(CodiceFiscale.BaseCode(s.FiscalCode))));
    }

    [Theory]
    [InlineData(AnprSubjectCategory.Resident)]
    [InlineData(AnprSubjectCategory.FamilyHead)]
    [InlineData(AnprSubjectCategory.Deceased)]
    [InlineData(AnprSubjectCategory.Cancelled)]
    [InlineData(AnprSubjectCategory.Abroad)]
    [InlineData(AnprSubjectCategory.Omocode)]
    public void Each_demo_population_has_subjects_of_every_category(AnprSubjectCategory category)
    {
        Assert.True(Anpr.Subjects(category, 20, "demo-a").Count >= 20, "demo-a");
        Assert.True(Anpr.Subjects(category, 20, "demo-b").Count >= 20, "demo-b");
    }

    [Fact]
    public void Collaudo_subjects_are_in_the_register_with_their_published_identifiers()
    {
        Assert.Equal("UK79569LF", Anpr.Find("PRVGNN90R10H501Q")?.IdAnpr);
        Assert.Equal("PRVCCL60B50G393U", Anpr.Find("OR69233LN")?.FiscalCode);
        Assert.NotNull(Anpr.Find("OR69233LN")!.CancelledOn);
        Assert.Equal(new DateOnly(2022, 2, 3), Anpr.Find("NRENTN80B22G393L")!.DeathDate);
        Assert.Equal(13, Anpr.Subjects(AnprSubjectCategory.Collaudo, 100).Count);
    }

    [Fact]
    public void Families_have_one_head_numbered_members_one_kind_and_no_member_before_birth()
    {
        var families = Everyone.Where(s => s.Family is not null).GroupBy(s => s.Family!.FamilyId).ToList();

        Assert.True(families.Count(f => f.Count() >= 3) >= 100);
        Assert.All(families, family =>
        {
            var links = family.Select(m => m.Family!).ToList();
            Assert.Single(links, l => l.RelationshipCode == AnprFamilyLink.Head);
            Assert.Equal(Enumerable.Range(1, links.Count), links.Select(l => l.Member).Order());
            Assert.Single(links.Select(l => l.Kind).Distinct());
            Assert.All(family, m => Assert.True(m.Family!.Since >= m.BirthDate && m.Family.Since >= m.RegisteredOn));
            Assert.All(family, m => Assert.Equal(m.Family!.Kind == AnprFamilyKind.Abroad, m.LivesAbroad));
            var head = family.Single(m => m.Family!.RelationshipCode == AnprFamilyLink.Head);
            Assert.All(family.Where(m => m.Family!.RelationshipCode == AnprFamilyLink.Child), child => Assert.True(child.BirthDate > head.BirthDate));
        });
    }

    [Fact]
    public void Deaths_and_cancellations_come_after_registration_and_deaths_were_recorded_after_they_happened()
    {
        var deceased = Everyone.Where(s => s.DeathDate is not null).ToList();

        Assert.All(deceased, s => Assert.True(s.DeathDate >= s.RegisteredOn && s.DeathRecordedOn > s.DeathDate));
        Assert.All(Everyone.Where(s => s.CancelledOn is not null), s => Assert.True(s.CancelledOn > s.RegisteredOn && s.Family is null));
        Assert.Contains(deceased, s => s.Family?.RelationshipCode is AnprFamilyLink.Spouse or AnprFamilyLink.Partner);
    }

    [Fact]
    public void Residents_abroad_have_an_address_abroad_and_a_consulate()
    {
        var abroad = Anpr.Subjects(AnprSubjectCategory.Abroad, 1000, "demo-a");

        Assert.True(abroad.Count >= 40);
        Assert.All(abroad, s => Assert.False(string.IsNullOrEmpty(s.Residences[^1].Abroad!.ConsulateCode)));
    }

    [Fact]
    public void Same_spec_generates_the_same_population_and_another_seed_another_one()
    {
        var spec = new AnprPopulationSpec("again", AnprComune.Molfetta, 7, 300);

        var first = PopulationGenerator.Generate(spec).Subjects;
        var second = PopulationGenerator.Generate(spec).Subjects;
        var other = PopulationGenerator.Generate(spec with { Seed = 8 }).Subjects;

        Assert.Equal(first.Select(s => (s.IdAnpr, s.FiscalCode)), second.Select(s => (s.IdAnpr, s.FiscalCode)));
        Assert.Empty(first.Select(s => s.IdAnpr).Intersect(other.Select(s => s.IdAnpr)));
    }

    [Fact]
    public void Not_registered_codes_are_valid_stable_and_unknown_to_the_register()
    {
        var codes = Anpr.NotRegisteredFiscalCodes(50);

        Assert.Equal(codes, Anpr.NotRegisteredFiscalCodes(50));
        Assert.All(codes, c => Assert.True(CodiceFiscale.IsValid(c) && Anpr.Find(c) is null));
    }

    [Fact]
    public void A_population_that_reuses_a_name_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Anpr.AddPopulation(new AnprPopulationSpec("demo-a", AnprComune.Bari, 99, 50)));

        Assert.Contains("demo-a", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{5}[A-Z0-9]{2}$")]
    private static partial Regex IdAnprShape();
}
