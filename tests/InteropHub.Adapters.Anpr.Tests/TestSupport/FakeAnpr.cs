using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using InteropHub.Contracts.Pdnd;

namespace InteropHub.Adapters.Anpr.Tests.TestSupport;

/// <summary>
/// The primary handler of every ANPR client: records each request as it left the hub and answers per service
/// (<c>casoUso</c>). By default C030 knows Giovanni and Claudia and every other service answers its sample.
/// </summary>
internal sealed class FakeAnpr : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<AnprRequest, CancellationToken, Task<HttpResponseMessage>>> _responders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public FakeAnpr()
    {
        On("C030", request => request.Criteria("codiceFiscale") switch
        {
            AnprSamples.GiovanniCf => AnprSamples.Ok(AnprSamples.C030(AnprSamples.GiovanniIdAnpr)),
            AnprSamples.ClaudiaCf => AnprSamples.Ok(AnprSamples.C030(AnprSamples.ClaudiaIdAnpr)),
            _ => AnprSamples.Ko(HttpStatusCode.NotFound, AnprSamples.NotFound("Soggetto non registrato in ANPR")),
        });
        On("C001", _ => AnprSamples.Ok(AnprSamples.C001));
        On("C003", _ => AnprSamples.Ok(AnprSamples.Verification("S")));
        On("C007", _ => AnprSamples.Ok(AnprSamples.Verification("S")));
        On("C008", _ => AnprSamples.Ok(AnprSamples.Verification("S")));
        On("C015", _ => AnprSamples.Ok(AnprSamples.C015));
        On("C019", _ => AnprSamples.Ok(AnprSamples.C019(AnprSamples.Alive)));
        On("C020", _ => AnprSamples.Ok(AnprSamples.C020()));
        On("C021", _ => AnprSamples.Ok(AnprSamples.C021));
    }

    public ConcurrentQueue<AnprRequest> Received { get; } = new();

    /// <summary>Every <c>GET …/status</c>: its URL and the ModI context it carried.</summary>
    public ConcurrentQueue<(Uri Uri, ModiRequestContext? Context)> StatusRequests { get; } = new();

    /// <summary>The answer to <c>GET …/status</c>; ANPR's OK by default (issue #4517).</summary>
    public Func<Uri, HttpResponseMessage> Status { get; set; } =
        _ => AnprSamples.Ok("""{"listaErrori":[{"codiceErroreAnomalia":"200","testoErroreAnomalia":"OK"}]}""");

    public IReadOnlyList<AnprRequest> To(string service) => Received.Where(r => r.Service == service).ToList();

    /// <summary>Waits (bounded, in real time) until <paramref name="count"/> requests to <paramref name="service"/> have arrived.</summary>
    public async Task WaitForRequestsAsync(string service, int count)
    {
        for (var poll = 0; poll < 1000 && To(service).Count < count; poll++)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.True(To(service).Count >= count, $"{service} received {To(service).Count} request(s), expected {count}.");
    }

    public void On(string service, Func<AnprRequest, HttpResponseMessage> respond) =>
        _responders[service] = (request, _) => Task.FromResult(respond(request));

    public void OnAsync(string service, Func<AnprRequest, CancellationToken, Task<HttpResponseMessage>> respond) =>
        _responders[service] = respond;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get)
        {
            request.Options.TryGetValue(ModiRequestContext.OptionsKey, out var statusContext);
            StatusRequests.Enqueue((request.RequestUri!, statusContext));
            var status = Status(request.RequestUri!);
            status.RequestMessage = request;
            return status;
        }

        var text = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var body = JsonNode.Parse(text)!.AsObject();
        var service = body["datiRichiesta"]?["casoUso"]?.GetValue<string>() ?? "";
        request.Options.TryGetValue(ModiRequestContext.OptionsKey, out var context);
        var received = new AnprRequest(
            service,
            _counts.AddOrUpdate(service, 1, (_, n) => n + 1),
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.MediaType,
            text,
            body,
            context);
        Received.Enqueue(received);
        var response = await _responders[service](received, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>A request as ANPR received it.</summary>
internal sealed record AnprRequest(
    string Service,
    int Count,
    HttpMethod Method,
    Uri Uri,
    Dictionary<string, string> Headers,
    string? MediaType,
    string Text,
    JsonObject Body,
    ModiRequestContext? Context)
{
    public string OperationId => Body["idOperazioneClient"]!.GetValue<string>();

    public string? Criteria(string member) => Body["criteriRicerca"]?[member]?.GetValue<string>();

    public string? Data(string member) => Body["datiRichiesta"]?[member]?.GetValue<string>();
}
