using System.Net;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.Anpr;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Registry;

/// <summary>
/// Many operators at once against an ANPR that refuses a new idOperazioneClient lower than the last one sent: the
/// hub's ids overtake each other on the way, and no caller may see that.
/// </summary>
public sealed class ConcurrentLookupTests : IAsyncLifetime
{
    private const int Callers = 64;

    private readonly HubFactory _hub = new(new Dictionary<string, string?>
    {
        ["Hub:RateLimit:Burst"] = "1000",
    });

    public ValueTask InitializeAsync()
    {
        _ = _hub.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private AnprSandbox Anpr => _hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.Anpr;

    [Fact]
    public async Task Sixty_four_concurrent_resident_lookups_all_succeed_against_an_anpr_that_orders_operation_ids()
    {
        var residents = Anpr.Subjects(AnprSubjectCategory.Resident, Callers, "demo-a");
        Assert.Equal(Callers, residents.Count);
        using var start = new SemaphoreSlim(0);

        var lookups = residents.Select(async resident =>
        {
            await start.WaitAsync(TestContext.Current.CancellationToken);
            using var response = await ReadAsync($"/v1/registry/residents/{resident.FiscalCode}/residence");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }).ToList();
        start.Release(Callers);
        var results = await Task.WhenAll(lookups);

        var failures = results.Where(r => r.StatusCode != HttpStatusCode.OK).Select(r => $"{(int)r.StatusCode} {r.Body}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {Callers} lookups failed; first: {failures.FirstOrDefault()}");
        Assert.Equal(Callers, Anpr.Requests("C020").Processed);
        Assert.Equal(Callers, Anpr.Requests("C030").Processed);
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
