using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>
/// A primary handler that answers from a function and records what it received: headers as sent (all values of
/// each), the body bytes, and the options.
/// </summary>
internal sealed class StubHandler(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _count;

    public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
        : this((request, n) => Task.FromResult(respond(request, n)))
    {
    }

    public int Count => Volatile.Read(ref _count);

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _count);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => h.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        Received.Enqueue(new ReceivedRequest(request.Method, request.RequestUri!, headers, body));
        var response = await respond(request, n);
        response.RequestMessage = request;
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Token(string accessToken, int expiresIn = 600) =>
        Json(HttpStatusCode.OK, $$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":{{expiresIn}}}""");
}

internal sealed record ReceivedRequest(HttpMethod Method, Uri Uri, Dictionary<string, List<string>> Headers, byte[]? Body)
{
    public string BodyText => Body is null ? "" : Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? Assert.Single(values) : null;

    public Dictionary<string, string> Form => BodyText.Split('&')
        .Select(p => p.Split('='))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')), StringComparer.Ordinal);
}
