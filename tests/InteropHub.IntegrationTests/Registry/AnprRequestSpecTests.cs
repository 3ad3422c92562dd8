using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.Anpr;
using InteropHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Registry;

/// <summary>
/// What the hub really sends ANPR, read back from the sandbox's request log, checked against the official specs'
/// <c>RichiestaE002</c>: C030, C001, C021 and C003 (the other services share these types).
/// </summary>
public sealed class AnprRequestSpecTests
{
    private static readonly Dictionary<string, OpenApiSchemas> Specs = new(StringComparer.Ordinal)
    {
        ["C030"] = OpenApiSchemas.Load("anprApiC030.openapi.yaml"),
        ["C001"] = OpenApiSchemas.Load("C001-servizioNotifica.yaml"),
        ["C021"] = OpenApiSchemas.Load("C021-servizioAccertamentoStatoFamiglia.yaml"),
        ["C003"] = OpenApiSchemas.Load("anprApiC003.openapi.yaml"),
    };

    [Fact]
    public async Task The_hubs_requests_to_anpr_conform_to_the_official_specs()
    {
        var ct = TestContext.Current.CancellationToken;
        // C001 as the profile service, so a profile read exercises it.
        await using var hub = new HubFactory(new Dictionary<string, string?> { ["Adapters:Anpr:ProfileService"] = "C001" });
        var runtime = hub.Services.GetRequiredService<HubRuntime>();
        var anpr = runtime.SandboxHost!.Anpr;
        var head = anpr.Subjects(AnprSubjectCategory.FamilyHead, 1, "demo-a").Single();
        using var client = hub.ClientWithKey("sandbox-key-a");
        client.DefaultRequestHeaders.Add("X-Operator-Id", "mario.rossi");
        client.DefaultRequestHeaders.Add("X-Request-Reason", "PROT-2026-0007");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/registry/residents/{head.FiscalCode}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/registry/residents/{head.FiscalCode}/family", ct)).StatusCode);
        var identity = new { surname = head.Surname, givenName = head.GivenName, birthDate = head.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), sex = "M" };
        using var batch = new HttpRequestMessage(HttpMethod.Post, "/v1/registry/verifications")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { checks = new[] { "identity-matches" }, items = new[] { new { fiscalCode = head.FiscalCode, identity } } }),
                Encoding.UTF8,
                "application/json"),
        };
        batch.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await client.SendAsync(batch, ct);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.True(await Polling.UntilAsync(() => Task.FromResult(anpr.Requests("C003").Requests > 0), ct), "The batch never called C003.");

        var sent = await SentBodiesAsync(runtime.SandboxHost.AnprUrl, ct);

        foreach (var service in Specs.Keys)
        {
            var bodies = sent.Where(s => s.Service == service).ToList();
            Assert.True(bodies.Count > 0, $"The hub sent nothing to {service}; the test did not exercise it.");
            foreach (var (_, body) in bodies)
            {
                var violations = Specs[service].Violations(body, "RichiestaE002");
                Assert.True(violations.Count == 0, $"{service}: {string.Join("; ", violations)}");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(location, ct)).StatusCode);
    }

    /// <summary>Bodies of the e-service calls in the sandbox's request log (WireMock's admin API), by service code.</summary>
    private static async Task<List<(string Service, JsonElement Body)>> SentBodiesAsync(Uri anprUrl, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = anprUrl };
        var log = await http.GetFromJsonAsync<JsonElement>("__admin/requests", ct);
        var sent = new List<(string, JsonElement)>();
        foreach (var entry in log.EnumerateArray())
        {
            var request = entry.GetProperty("Request");
            var path = request.GetProperty("Path").GetString()!;
            if (!path.EndsWith("/anpr-service-e002", StringComparison.Ordinal) || !request.TryGetProperty("Body", out var body))
            {
                continue;
            }

            // /C030-servizioAccertamentoIdUnicoNazionale/v1/anpr-service-e002 → C030
            var service = path.TrimStart('/')[..4];
            sent.Add((service, JsonDocument.Parse(body.GetString()!).RootElement.Clone()));
        }

        return sent;
    }
}
