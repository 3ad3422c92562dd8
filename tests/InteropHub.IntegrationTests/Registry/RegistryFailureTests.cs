using System.Net;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.Anpr;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Registry;

/// <summary>How the registry API fails when ANPR or the tenant's quota says no, against the ANPR sandbox.</summary>
public sealed class RegistryFailureTests
{
    [Fact]
    public async Task The_daily_quota_guard_refuses_at_the_limit_without_calling_anpr_even_after_a_restart()
    {
        var settings = new Dictionary<string, string?> { ["Adapters:Anpr:EServices:C019:DailyQuota"] = "2" };
        var directory = HubFactory.NewDirectory();
        try
        {
            string subject;
            await using (var first = new HubFactory(settings, directory))
            {
                subject = Subject(first, AnprSubjectCategory.Resident);
                Assert.Equal(HttpStatusCode.OK, (await ReadAsync(first, $"/v1/registry/residents/{subject}/life-status")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await ReadAsync(first, $"/v1/registry/residents/{subject}/life-status")).StatusCode);

                var refused = await ReadAsync(first, $"/v1/registry/residents/{subject}/life-status");

                await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "quota-exhausted");
                Assert.NotNull(refused.Headers.RetryAfter);
                Assert.Equal(2, Anpr(first).Requests("C019").Requests);
            }

            await using var restarted = new HubFactory(settings, directory);
            var again = await ReadAsync(restarted, $"/v1/registry/residents/{subject}/life-status");
            await ProblemAssert.IsProblemAsync(again, HttpStatusCode.TooManyRequests, "quota-exhausted");
            Assert.Equal(0, Anpr(restarted).Requests("C019").Requests);
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Anpr_saying_limit_exceeded_closes_the_service_for_the_tenant_until_midnight()
    {
        await using var hub = new HubFactory();
        Anpr(hub).SetDailyQuota("C021", 1);
        var subject = Subject(hub, AnprSubjectCategory.FamilyHead);
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(hub, $"/v1/registry/residents/{subject}/family")).StatusCode);

        var limited = await ReadAsync(hub, $"/v1/registry/residents/{subject}/family");
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "quota-exhausted");
        var seen = Anpr(hub).Requests("C021").Requests;

        var blocked = await ReadAsync(hub, $"/v1/registry/residents/{subject}/family");
        await ProblemAssert.IsProblemAsync(blocked, HttpStatusCode.TooManyRequests, "quota-exhausted");
        Assert.Equal(seen, Anpr(hub).Requests("C021").Requests);
        Assert.True(blocked.Headers.RetryAfter?.Delta <= TimeSpan.FromHours(25));
    }

    [Fact]
    public async Task A_wrong_modi_audience_is_refused_by_govway_and_answered_502_with_its_id()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Adapters:Anpr:EServices:C020:Audience"] = "https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND/C020-servizioAccertamentoResidenza/v1",
        });
        Anpr(hub).SetStrictModi("C020", true);
        var subject = Subject(hub, AnprSubjectCategory.Resident);

        var response = await ReadAsync(hub, $"/v1/registry/residents/{subject}/residence");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway, "upstream-rejected");
        var govwayId = problem.GetProperty("govway_id").GetString();
        Assert.Contains("doctor", problem.GetProperty("detail").GetString());
        Assert.NotNull(Anpr(hub).Refusal(govwayId!));
    }

    private static AnprSandbox Anpr(HubFactory hub) => hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.Anpr;

    private static string Subject(HubFactory hub, AnprSubjectCategory category) => Anpr(hub).Subjects(category, 1, "demo-a").Single().FiscalCode;

    private static async Task<HttpResponseMessage> ReadAsync(HubFactory hub, string path)
    {
        using var client = hub.ClientWithKey("sandbox-key-a");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Operator-Id", "mario.rossi");
        request.Headers.Add("X-Request-Reason", "PROT-2026-0001");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
