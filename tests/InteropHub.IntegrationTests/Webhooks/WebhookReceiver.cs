using System.Collections.Concurrent;
using System.Text;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace InteropHub.IntegrationTests.Webhooks;

/// <summary>A comune's webhook endpoint on a loopback port: records what arrives, answers with the statuses it is told.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly TaskCompletionSource<ReceivedWebhook> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<int, int> _status;

    /// <param name="status">The status to answer for the n-th request (1-based).</param>
    public WebhookReceiver(Func<int, int> status)
    {
        _status = status;
        _server.Given(Request.Create().WithPath("/hooks").UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var received = new ReceivedWebhook(
                    request.Headers!.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                    request.BodyData?.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? string.Empty));
                _received.Enqueue(received);
                _first.TrySetResult(received);
                return new ResponseMessage { StatusCode = _status(_received.Count) };
            }));
    }

    public string Url => _server.Url + "/hooks";

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public Task<ReceivedWebhook> FirstAsync => _first.Task;

    public void Dispose() => _server.Dispose();
}

internal sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body);
