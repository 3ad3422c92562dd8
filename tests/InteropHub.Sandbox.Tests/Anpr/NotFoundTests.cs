using System.Text.Json.Nodes;
using InteropHub.Sandbox.Anpr;
using InteropHub.Testing;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>EN122 for subjects ANPR does not show, and EN148 for searches that do not use idANPR (docs/platforms/anpr.md §2.3, §7).</summary>
public sealed class NotFoundTests(AnprHost host) : IClassFixture<AnprHost>
{
    private const string NotRegistered = "Soggetto non registrato in ANPR";
    private const string Cancelled = "Soggetto cancellato da ANPR";

    private static readonly OpenApiSchemas C001 = OpenApiSchemas.Load("C001-servizioNotifica.yaml");

    private AnprSandbox Anpr => host.Anpr;

    [Fact]
    public async Task Search_by_fiscal_code_works_and_warns_en148()
    {
        var resident = Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];

        var (status, body) = await host.Call("C020", AnprHost.ByFiscalCode("C020", resident.FiscalCode));

        Assert.Equal(200, status);
        Assert.Equal(resident.IdAnpr, IdAnpr(body));
        var warning = Assert.Single(Entries(body, "listaAnomalie"));
        Assert.Equal(("EN148", "W"), (warning.Code, warning.Kind));
        Assert.StartsWith("Il D.M. Ministero dell'Interno 3 marzo 2023 (art.3 comma 3)", warning.Text, StringComparison.Ordinal);
        Assert.Empty(C001.Violations(body, "RispostaE002OK"));
    }

    [Fact]
    public async Task Search_by_id_anpr_carries_no_warning()
    {
        var resident = Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-b")[0];

        var (_, body) = await host.Call("C020", AnprHost.ByIdAnpr("C020", resident.IdAnpr));

        Assert.False(body.TryGetProperty("listaAnomalie", out _));
    }

    [Fact]
    public async Task A_fiscal_code_nobody_has_is_en122_not_registered_with_the_en148_warning()
    {
        var code = Anpr.NotRegisteredFiscalCodes(1)[0];

        var (status, body) = await host.Call("C021", AnprHost.ByFiscalCode("C021", code));

        Assert.Equal(404, status);
        Assert.Equal([("EN122", "E", NotRegistered), ("EN148", "W", Entries(body)[1].Text)], Entries(body));
        Assert.Empty(C001.Violations(body, "RispostaKO"));
    }

    [Fact]
    public async Task An_unknown_id_anpr_is_en122_not_registered_without_warning()
    {
        var (status, body) = await host.Call("C019", AnprHost.ByIdAnpr("C019", "ZZ00000ZZ"));

        Assert.Equal(404, status);
        Assert.Equal([("EN122", "E", NotRegistered)], Entries(body));
    }

    [Theory]
    [InlineData("C001")]
    [InlineData("C021")]
    [InlineData("C030")]
    public async Task A_cancelled_subject_is_en122_cancelled_on_every_service(string service)
    {
        var cancelled = Anpr.Subjects(AnprSubjectCategory.Cancelled, 1, "demo-a")[0];

        var (status, body) = await host.Call(service, AnprHost.ByFiscalCode(service, cancelled.FiscalCode));

        Assert.Equal(404, status);
        Assert.Equal(("EN122", "E", Cancelled), Entries(body)[0]);
    }

    [Fact]
    public async Task The_collaudo_cancelled_subject_answers_as_in_collaudo()
    {
        var (status, body) = await host.Call("C020", AnprHost.ByIdAnpr("C020", "OR69233LN"));

        Assert.Equal(404, status);
        Assert.Equal([("EN122", "E", Cancelled)], Entries(body));
    }

    [Fact]
    public async Task Before_entering_anpr_a_subject_is_not_registered()
    {
        var resident = Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];
        var request = AnprHost.Request("C015", new JsonObject { ["idANPR"] = resident.IdAnpr }, reference: resident.RegisteredOn.AddDays(-1));

        var (status, body) = await host.Call("C015", request);

        Assert.Equal(404, status);
        Assert.Equal(NotRegistered, Entries(body)[0].Text);
    }

    [Fact]
    public async Task C030_ignores_an_id_anpr_criterion_its_spec_does_not_have()
    {
        var resident = Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];

        var (status, body) = await host.Call("C030", AnprHost.ByIdAnpr("C030", resident.IdAnpr));

        Assert.Equal(400, status);
        Assert.Equal(("EN148", "E"), (Entries(body)[0].Code, Entries(body)[0].Kind));
    }

    [Fact]
    public async Task Residents_abroad_are_found_by_c030()
    {
        var expatriate = Anpr.Subjects(AnprSubjectCategory.Abroad, 1, "demo-b")[0];

        var (status, body) = await host.Call("C030", AnprHost.ByFiscalCode("C030", expatriate.FiscalCode));

        Assert.Equal(200, status);
        Assert.Equal(expatriate.IdAnpr, IdAnpr(body));
    }

    [Fact]
    public async Task An_omocode_and_its_base_code_are_two_different_people()
    {
        var omocode = Anpr.Subjects(AnprSubjectCategory.Omocode, 1, "demo-a")[0];

        var (_, twin) = await host.Call("C030", AnprHost.ByFiscalCode("C030", omocode.FiscalCode));
        var (_, original) = await host.Call("C030", AnprHost.ByFiscalCode("C030", CodiceFiscale.BaseCode(omocode.FiscalCode)));

        Assert.Equal(omocode.IdAnpr, IdAnpr(twin));
        Assert.NotEqual(omocode.IdAnpr, IdAnpr(original));
    }
}
