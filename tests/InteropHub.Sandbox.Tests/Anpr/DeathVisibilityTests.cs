using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.Anpr;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>A death shows only from the day after it happened and from the day after it was recorded (issue #4984; Rome days).</summary>
public sealed class DeathVisibilityTests : IDisposable
{
    private readonly AnprHost _host = new();

    private AnprSandbox Anpr => _host.Anpr;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_death_recorded_today_shows_from_tomorrow()
    {
        var subject = Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];
        var yesterday = AnprHost.Today.AddDays(-1);

        Anpr.RecordDeath(subject.FiscalCode, yesterday);
        var today = await LifeStatus(subject, AnprHost.Today);
        _host.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await LifeStatus(subject, AnprHost.Today.AddDays(1));

        Assert.Equal("S", Text(today[0], "valore"));
        Assert.Equal(("1015", "2026-03-01"), (Text(tomorrow[0], "id"), Text(tomorrow[0], "valoreData")));
        Assert.Equal("N", Text(tomorrow[1], "valore"));
    }

    [Fact]
    public async Task Tomorrow_starts_at_midnight_in_rome_not_in_utc()
    {
        var subject = Anpr.Subjects(AnprSubjectCategory.Resident, 2, "demo-a")[1];
        Anpr.RecordDeath(subject.IdAnpr, AnprHost.Today.AddDays(-1));

        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 22, 59, 0, TimeSpan.Zero));
        var beforeMidnight = await LifeStatus(subject, AnprHost.Today);
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero));
        var afterMidnight = await LifeStatus(subject, AnprHost.Today);

        Assert.Single(beforeMidnight);
        Assert.Equal(2, afterMidnight.Count);
    }

    [Fact]
    public async Task A_reference_date_on_the_death_date_still_shows_the_subject_alive()
    {
        var dead = Anpr.Subjects(AnprSubjectCategory.Deceased, 1, "demo-b")[0];

        var onTheDay = await LifeStatus(dead, dead.DeathDate!.Value);
        var dayAfter = await LifeStatus(dead, dead.DeathDate.Value.AddDays(1));

        Assert.Equal("S", Text(onTheDay[0], "valore"));
        Assert.Equal("1015", Text(dayAfter[0], "id"));
    }

    [Fact]
    public async Task C021_of_a_subject_dead_on_the_reference_date_lists_nobody()
    {
        var dead = Anpr.Subjects(AnprSubjectCategory.Deceased, 1, "demo-a")[0];

        var (status, body) = await _host.Call("C021", AnprHost.ByIdAnpr("C021", dead.IdAnpr));

        Assert.Equal(200, status);
        Assert.Empty(body.GetProperty("listaSoggetti").GetProperty("datiSoggetto").EnumerateArray());
    }

    [Fact]
    public async Task The_collaudo_deceased_are_dead_with_their_published_dates()
    {
        var (_, body) = await _host.Call("C019", AnprHost.ByFiscalCode("C019", "SGGTTV60A01H501T"));

        var info = body.GetProperty("listaSoggetti").GetProperty("datiSoggetto")[0].GetProperty("infoSoggettoEnte");
        Assert.Equal("2021-11-13", Text(info[0], "valoreData"));
    }

    [Fact]
    public void A_death_cannot_be_recorded_twice_nor_in_the_future()
    {
        var subject = Anpr.Subjects(AnprSubjectCategory.Resident, 3, "demo-b")[2];

        Assert.Throws<ArgumentException>(() => Anpr.RecordDeath(subject.FiscalCode, AnprHost.Today.AddDays(1)));
        Anpr.RecordDeath(subject.FiscalCode, AnprHost.Today);
        Assert.Throws<ArgumentException>(() => Anpr.RecordDeath(subject.FiscalCode, AnprHost.Today));
        Assert.Contains(AnprSubjectCategory.Deceased, Anpr.CategoriesOf(Anpr.Find(subject.FiscalCode)!));
    }

    private async Task<IReadOnlyList<JsonElement>> LifeStatus(AnprSubject subject, DateOnly reference)
    {
        var (status, body) = await _host.Call("C019", AnprHost.Request("C019", new JsonObject { ["idANPR"] = subject.IdAnpr }, reference: reference));
        Assert.Equal(200, status);
        return [.. body.GetProperty("listaSoggetti").GetProperty("datiSoggetto")[0].GetProperty("infoSoggettoEnte").EnumerateArray()];
    }
}
