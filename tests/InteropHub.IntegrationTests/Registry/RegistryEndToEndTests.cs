using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Core.Audit;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.Anpr;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Registry;

/// <summary>The registry API in sandbox mode: the hub, PDND vouchers and ModI headers, the ANPR sandbox's register.</summary>
public sealed class RegistryEndToEndTests : IAsyncLifetime
{
    // Information and up: the log scans see what an operator's console would hold.
    private readonly HubFactory _hub = new(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });

    public ValueTask InitializeAsync()
    {
        _ = _hub.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private AnprSandbox Anpr => _hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.Anpr;

    private AnprSubject One(AnprSubjectCategory category) => Anpr.Subjects(category, 1, "demo-a").Single();

    [Fact]
    public async Task A_profile_comes_from_anpr_with_the_operations_that_produced_it_and_is_audited()
    {
        var subject = One(AnprSubjectCategory.Resident);

        var response = await ReadAsync($"/v1/registry/residents/{subject.FiscalCode}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(subject.FiscalCode, profile.GetProperty("fiscalCode").GetString());
        Assert.Equal(subject.IdAnpr, profile.GetProperty("idAnpr").GetString());
        Assert.Equal(subject.Surname, profile.GetProperty("surname").GetString());
        Assert.True(profile.GetProperty("alive").GetBoolean());
        Assert.Equal(["C030", "C020"], profile.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("service").GetString()));

        var verification = await _hub.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(verification.IsIntact);
        Assert.Equal(1, verification.RecordsChecked);
    }

    [Fact]
    public async Task The_second_read_of_a_resident_skips_c030()
    {
        var subject = One(AnprSubjectCategory.Resident);
        await ReadAsync($"/v1/registry/residents/{subject.FiscalCode}/residence");
        var c030 = Anpr.Requests("C030").Requests;

        var again = await ReadAsync($"/v1/registry/residents/{subject.FiscalCode}/life-status");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(c030, Anpr.Requests("C030").Requests);
    }

    [Fact]
    public async Task A_family_lists_its_members_with_their_relationship()
    {
        var head = One(AnprSubjectCategory.FamilyHead);

        var family = await (await ReadAsync($"/v1/registry/residents/{head.FiscalCode}/family")).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        var members = family.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(Anpr.Household(head).Count, members.Count);
        Assert.Contains(members, m => m.GetProperty("relationship").GetString() == "head" && m.GetProperty("fiscalCode").GetString() == head.FiscalCode);
    }

    [Fact]
    public async Task A_deceased_person_is_not_alive_and_carries_the_death_date()
    {
        var deceased = One(AnprSubjectCategory.Deceased);

        var status = await (await ReadAsync($"/v1/registry/residents/{deceased.FiscalCode}/life-status")).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.False(status.GetProperty("alive").GetBoolean());
        Assert.True(status.TryGetProperty("deathDate", out _));
    }

    [Fact]
    public async Task Unknown_and_cancelled_people_are_404_telling_which_and_still_audited()
    {
        var never = await ReadAsync($"/v1/registry/residents/{Anpr.NotRegisteredFiscalCodes(1).Single()}");
        var cancelled = await ReadAsync($"/v1/registry/residents/{One(AnprSubjectCategory.Cancelled).FiscalCode}");

        Assert.Contains("never registered", (await ProblemAssert.IsProblemAsync(never, HttpStatusCode.NotFound, "resident-not-found")).GetProperty("detail").GetString());
        Assert.Contains("cancel", (await ProblemAssert.IsProblemAsync(cancelled, HttpStatusCode.NotFound, "resident-not-found")).GetProperty("detail").GetString());
        Assert.Equal(2, (await _hub.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(TestContext.Current.CancellationToken)).RecordsChecked);
    }

    [Fact]
    public async Task No_fiscal_code_or_token_reaches_the_logs()
    {
        var subject = One(AnprSubjectCategory.Resident);
        var response = await ReadAsync($"/v1/registry/residents/{subject.FiscalCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var logs = _hub.Logs.Text;
        Assert.Contains("/v1/registry/residents/", logs);
        Assert.DoesNotContain(subject.FiscalCode, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("eyJ", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox-key-a", logs, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> ReadAsync(string path)
    {
        using var client = _hub.ClientWithKey("sandbox-key-a");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Operator-Id", "mario.rossi");
        request.Headers.Add("X-Request-Reason", "PROT-2026-0001");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
