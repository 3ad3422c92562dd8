using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Sandbox.Anpr;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>The HTTP control surface under /__sandbox/anpr, as curl users and the hub's tests see it.</summary>
public sealed class ControlEndpointTests : IDisposable
{
    private readonly AnprHost _host = new();

    private AnprSandbox Anpr => _host.Anpr;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Subjects_by_category_lists_deceased_people_with_their_death_dates()
    {
        var body = await Get("subjects?category=deceased&limit=5&population=demo-a");

        var subjects = body.GetProperty("subjects").EnumerateArray().ToList();
        Assert.Equal(5, subjects.Count);
        Assert.All(subjects, s =>
        {
            Assert.Equal("demo-a", Text(s, "population"));
            Assert.NotNull(Text(s, "deathDate"));
            Assert.Contains("deceased", s.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        });
        Assert.Equal(Anpr.Subjects(AnprSubjectCategory.Deceased, 5, "demo-a").Select(s => s.FiscalCode), subjects.Select(s => Text(s, "fiscalCode")));
    }

    [Fact]
    public async Task Not_registered_category_gives_fiscal_codes_only()
    {
        var body = await Get("subjects?category=not-registered&limit=3");

        var subjects = body.GetProperty("subjects").EnumerateArray().ToList();
        Assert.Equal(Anpr.NotRegisteredFiscalCodes(3), subjects.Select(s => Text(s, "fiscalCode")));
        Assert.All(subjects, s => Assert.False(s.TryGetProperty("idAnpr", out _)));
    }

    [Fact]
    public async Task An_unknown_category_is_a_400_naming_the_known_ones()
    {
        using var response = await AnprHost.Http.GetAsync(Url("subjects?category=martians"), AnprHost.Cancellation);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("family-head", Text(await AnprHost.Json(response), "error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subject_comes_with_its_household()
    {
        var head = Anpr.Subjects(AnprSubjectCategory.FamilyHead, 1, "demo-b")[0];

        var body = await Get($"subjects/{head.FiscalCode}");

        Assert.Equal(head.IdAnpr, Text(body.GetProperty("subject"), "idAnpr"));
        Assert.Equal(Anpr.Household(head).Select(m => m.IdAnpr), body.GetProperty("household").EnumerateArray().Select(m => Text(m, "idAnpr")));
        Assert.Equal("1", Text(body.GetProperty("household")[0], "relationshipCode"));
    }

    [Fact]
    public async Task Recording_a_death_tells_from_when_it_shows()
    {
        var subject = Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];

        using var response = await AnprHost.Http.PostAsJsonAsync(Url("deaths"), new { fiscalCode = subject.FiscalCode, deathDate = "2026-03-01" }, AnprHost.Cancellation);

        Assert.Equal(201, (int)response.StatusCode);
        var body = await AnprHost.Json(response);
        Assert.Equal(("2026-03-01", "2026-03-03"), (Text(body.GetProperty("subject"), "deathDate"), Text(body, "visibleFrom")));
        Assert.Equal(new DateOnly(2026, 3, 1), Anpr.Find(subject.IdAnpr)!.DeathDate);
    }

    [Fact]
    public async Task Quotas_are_set_shown_and_their_usage_reset()
    {
        using var set = await AnprHost.Http.PutAsJsonAsync(Url("quotas/C020"), new { dailyLimit = 1 }, AnprHost.Cancellation);
        var resident = Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];
        await _host.Call("C020", AnprHost.ByIdAnpr("C020", resident.IdAnpr), "client-a");
        var (limited, _) = await _host.Call("C020", AnprHost.ByIdAnpr("C020", resident.IdAnpr), "client-a");
        var shown = await Get("quotas");
        using var reset = await AnprHost.Http.DeleteAsync(Url("quotas/usage"), AnprHost.Cancellation);
        var (afterReset, _) = await _host.Call("C020", AnprHost.ByIdAnpr("C020", resident.IdAnpr), "client-a");

        Assert.Equal(200, (int)set.StatusCode);
        Assert.Equal(429, limited);
        Assert.Equal(1, shown.GetProperty("limits").GetProperty("C020").GetInt32());
        Assert.Equal("2026-03-02", Text(shown, "today"));
        var usage = Assert.Single(shown.GetProperty("usage").EnumerateArray());
        Assert.Equal(("client-a", "C020", 1), (Text(usage, "consumer"), Text(usage, "service"), usage.GetProperty("used").GetInt32()));
        Assert.Equal(204, (int)reset.StatusCode);
        Assert.Equal(200, afterReset);
    }

    [Fact]
    public async Task Strict_modi_is_switched_per_service_or_for_all()
    {
        using var some = await AnprHost.Http.PutAsJsonAsync(Url("strict-modi"), new { enabled = true, services = new[] { "C030", "C021" } }, AnprHost.Cancellation);
        var someBody = await AnprHost.Json(some);
        using var none = await AnprHost.Http.PutAsJsonAsync(Url("strict-modi"), new { enabled = false }, AnprHost.Cancellation);

        Assert.Equal(["C021", "C030"], someBody.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty((await AnprHost.Json(none)).GetProperty("services").EnumerateArray());
        Assert.Empty(Anpr.StrictModi);
    }

    [Fact]
    public async Task Faults_are_set_over_http()
    {
        using var response = await AnprHost.Http.PutAsJsonAsync(Url("faults"), new { latencyMs = 0, errorRatio = 1, errorStatus = 500 }, AnprHost.Cancellation);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(new AnprFaults(TimeSpan.Zero, 1, 500), Anpr.Faults);
    }

    [Fact]
    public async Task Faults_with_drawn_latency_bursts_and_a_seed_are_set_over_http()
    {
        using var response = await AnprHost.Http.PutAsJsonAsync(
            Url("faults"),
            new { errorRatio = 0.2, maxLatencyMs = 2000, latencyRatio = 0.05, bursts = new { period = 50, length = 3, retryAfterSeconds = 1 }, seed = 9 },
            AnprHost.Cancellation);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(
            new AnprFaults(TimeSpan.Zero, 0.2) { MaxLatency = TimeSpan.FromSeconds(2), LatencyRatio = 0.05, Bursts = new ThrottleBursts(50, 3, TimeSpan.FromSeconds(1)), Seed = 9 },
            Anpr.Faults);
    }

    [Fact]
    public async Task Counters_per_service_and_per_operation_are_read_and_reset()
    {
        var resident = Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];
        await _host.Call("C030", AnprHost.ByFiscalCode("C030", resident.FiscalCode, "op-7"));
        await _host.Call("C030", AnprHost.ByFiscalCode("C030", resident.FiscalCode, "op-7"));

        var requests = await Get("requests");
        var operation = await Get("operations/op-7");
        using var reset = await AnprHost.Http.DeleteAsync(Url("requests"), AnprHost.Cancellation);

        var c030 = requests.GetProperty("services").GetProperty("C030");
        Assert.Equal((2, 1, 1), (c030.GetProperty("requests").GetInt32(), c030.GetProperty("answered").GetInt32(), c030.GetProperty("replayed").GetInt32()));
        Assert.Equal(2, requests.GetProperty("operations").GetProperty("op-7").GetInt32());
        Assert.Equal(2, operation.GetProperty("requests").GetInt32());
        Assert.Equal(AnprRequestCounts.None, Anpr.Requests("C030"));
    }

    [Fact]
    public async Task Without_refusals_the_last_refusal_is_a_404()
    {
        using var response = await AnprHost.Http.GetAsync(Url("last-refusal"), AnprHost.Cancellation);

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_population_can_be_added_for_another_comune()
    {
        var comune = new { name = "ALTAMURA", istatCode = "072004", province = "BA", cadastralCode = "A225", caps = new[] { "70022" } };

        using var response = await AnprHost.Http.PostAsJsonAsync(Url("populations"), new { name = "altamura", comune, seed = 3, residents = 60 }, AnprHost.Cancellation);
        var populations = await Get("populations");

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Contains(populations.GetProperty("populations").EnumerateArray(), p => Text(p, "name") == "altamura");
        var resident = Anpr.Subjects(AnprSubjectCategory.Resident, 1, "altamura")[0];
        var (status, _) = await _host.Call("C020", AnprHost.ByIdAnpr("C020", resident.IdAnpr));
        Assert.Equal(200, status);
    }

    private Uri Url(string relative) => new(_host.Host.AnprUrl, $"__sandbox/anpr/{relative}");

    private async Task<JsonElement> Get(string relative)
    {
        using var response = await AnprHost.Http.GetAsync(Url(relative), AnprHost.Cancellation);
        Assert.Equal(200, (int)response.StatusCode);
        return await AnprHost.Json(response);
    }
}
