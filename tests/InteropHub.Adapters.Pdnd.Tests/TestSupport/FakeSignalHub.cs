using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Web;
using InteropHub.Contracts.Pdnd;

namespace InteropHub.Adapters.Pdnd.Tests.TestSupport;

/// <summary>
/// Signal Hub's pull behaviour over a list of signals: those after <c>signalId</c>, at most <c>size</c>, 206 while
/// more remain and 200 when caught up. Records each request's query and the request context it carried.
/// </summary>
internal sealed class FakeSignalHub
{
    public const string EServiceId = "3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";

    public FakeSignalHub() => Handler = new StubHandler(Respond);

    public List<long> SignalIds { get; } = [];

    public StubHandler Handler { get; }

    public List<(long SignalId, int Size)> Pulls { get; } = [];

    public List<ModiRequestContext?> Contexts { get; } = [];

    private HttpStatusCode _failure;
    private int _failuresLeft;

    /// <summary>Answers the next <paramref name="times"/> pulls with <paramref name="status"/>.</summary>
    public void FailNext(HttpStatusCode status, int times = int.MaxValue)
    {
        _failure = status;
        _failuresLeft = times;
    }

    public void Publish(int count)
    {
        var next = SignalIds.Count == 0 ? 1 : SignalIds[^1] + 1;
        SignalIds.AddRange(Enumerable.Range(0, count).Select(i => next + i));
    }

    private HttpResponseMessage Respond(HttpRequestMessage request, int n)
    {
        Contexts.Add(request.Options.TryGetValue(ModiRequestContext.OptionsKey, out var context) ? context : null);
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            return StubHandler.Json(_failure, $$"""{"type":"about:blank","status":{{(int)_failure}},"title":"{{_failure}}","detail":"operationPullForbidden","errors":[]}""");
        }

        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var after = long.Parse(query["signalId"]!, CultureInfo.InvariantCulture);
        var size = int.Parse(query["size"]!, CultureInfo.InvariantCulture);
        Pulls.Add((after, size));
        var page = SignalIds.Where(id => id > after).Take(size).ToList();
        var more = SignalIds.Any(id => id > (page.Count > 0 ? page[^1] : after));
        var body = JsonSerializer.Serialize(new
        {
            signals = page.Select(id => new { signalId = id, signalType = "UPDATE", objectId = $"obj-{id}", objectType = "resident", eserviceId = EServiceId }),
            lastSignalId = page.Count > 0 ? page[^1] : (long?)null,
        });
        return StubHandler.Json(more ? HttpStatusCode.PartialContent : HttpStatusCode.OK, body);
    }
}
