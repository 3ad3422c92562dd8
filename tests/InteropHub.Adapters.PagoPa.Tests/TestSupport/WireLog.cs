using System.Collections.Concurrent;
using System.Text.Json;

namespace InteropHub.Adapters.PagoPa.Tests.TestSupport;

/// <summary>One call as GPD received it: method, path with query, and the JSON body when there was one.</summary>
internal sealed record WireCall(string Method, string PathAndQuery, JsonElement? Body)
{
    public override string ToString() => $"{Method} {PathAndQuery}";
}

/// <summary>The calls sent to GPD, in order, and a hook run before each one (returning what to run after it).</summary>
internal sealed class WireLog
{
    private readonly ConcurrentQueue<WireCall> _calls = new();

    public Func<HttpRequestMessage, Action?>? Before { get; set; }

    public IReadOnlyList<WireCall> Calls => [.. _calls];

    /// <summary>The calls as <c>METHOD vN/rest-of-path</c>, e.g. <c>POST v2/debtpositions?toPublish=true</c>.</summary>
    public IReadOnlyList<string> Summary => [.. _calls.Select(c => $"{c.Method} {Short(c.PathAndQuery)}")];

    public void Add(WireCall call) => _calls.Enqueue(call);

    public void Clear() => _calls.Clear();

    private static string Short(string pathAndQuery)
    {
        var version = pathAndQuery.Contains("/v2/", StringComparison.Ordinal) ? "v2" : "v1";
        var rest = pathAndQuery[(pathAndQuery.IndexOf("/debtpositions", StringComparison.Ordinal) + 1)..];
        return $"{version}/{rest}";
    }
}

/// <summary>Records each request in a <see cref="WireLog"/> and runs its hook around the call.</summary>
internal sealed class WireRecorder(WireLog log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        log.Add(new WireCall(request.Method.Method, request.RequestUri!.PathAndQuery, string.IsNullOrEmpty(body) ? null : JsonSerializer.Deserialize<JsonElement>(body)));
        var after = log.Before?.Invoke(request);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            after?.Invoke();
        }
    }
}
