using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.Anpr;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>A started sandbox on a fake clock (Monday 2 March 2026, 10:00 in Rome) and a plain E002 client for it.</summary>
public sealed class AnprHost : IDisposable
{
    public static readonly HttpClient Http = new();

    public AnprHost()
        : this(new AnprSandboxSettings())
    {
    }

    internal AnprHost(AnprSandboxSettings settings)
    {
        Host = SandboxHost.Start(new SandboxSettings { TimeProvider = Time, Anpr = settings });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public SandboxHost Host { get; }

    public AnprSandbox Anpr => Host.Anpr;

    public static DateOnly Today => new(2026, 3, 2);

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A RichiestaE002 searching by idANPR, for the current day and the service's own casoUso.</summary>
    public static JsonObject ByIdAnpr(string service, string idAnpr, string? operationId = null) =>
        Request(service, new JsonObject { ["idANPR"] = idAnpr }, operationId);

    public static JsonObject ByFiscalCode(string service, string fiscalCode, string? operationId = null) =>
        Request(service, new JsonObject { ["codiceFiscale"] = fiscalCode }, operationId);

    public static JsonObject Request(string service, JsonObject criteria, string? operationId = null, DateOnly? reference = null) => new()
    {
        ["idOperazioneClient"] = operationId ?? Guid.NewGuid().ToString("N"),
        ["criteriRicerca"] = criteria,
        ["datiRichiesta"] = new JsonObject
        {
            ["dataRiferimentoRichiesta"] = (reference ?? Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["motivoRichiesta"] = "PROT-2026-0001",
            ["casoUso"] = service,
        },
    };

    /// <summary>Posts a body to the service's E002 operation, with an unsigned bearer naming the consumer when given.</summary>
    public Task<HttpResponseMessage> Post(string service, JsonNode body, string? consumer = null) => Post(service, body.ToJsonString(), consumer);

    public async Task<HttpResponseMessage> Post(string service, string body, string? consumer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{Anpr.ServiceUrl(service)}/anpr-service-e002"))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (consumer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", UnsignedToken(new JsonObject { ["client_id"] = consumer }));
        }

        return await Http.SendAsync(request, Cancellation);
    }

    /// <summary>Gets the service's <c>/status</c>, with an unsigned bearer naming the consumer when given.</summary>
    public async Task<HttpResponseMessage> Status(string service, string? consumer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{Anpr.ServiceUrl(service)}/status"));
        if (consumer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", UnsignedToken(new JsonObject { ["client_id"] = consumer }));
        }

        return await Http.SendAsync(request, Cancellation);
    }

    /// <summary>Posts and returns the status and the JSON body.</summary>
    /// <summary>A C030 lookup of the first demo-a resident under <paramref name="operationId"/>, as <paramref name="consumer"/>.</summary>
    public Task<(int Status, JsonElement Body)> LookUpResident(string operationId, string consumer = "client-a") =>
        Call("C030", ByFiscalCode("C030", Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0].FiscalCode, operationId), consumer);

    public async Task<(int Status, JsonElement Body)> Call(string service, JsonNode body, string? consumer = null)
    {
        using var response = await Post(service, body, consumer);
        return ((int)response.StatusCode, await Json(response));
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(Cancellation));

    /// <summary>A JWT-shaped token nobody signed: enough for the sandbox to read a client_id when strict ModI is off.</summary>
    public static string UnsignedToken(JsonObject claims) =>
        $"{Base64Url("""{"alg":"none"}""")}.{Base64Url(claims.ToJsonString())}.c2ln";

    public void Dispose() => Host.Dispose();

    private static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
