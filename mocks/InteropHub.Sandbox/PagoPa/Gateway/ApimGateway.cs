using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>
/// APIM in front of every pagoPA API of the sandbox, checks in order: subscription key (401; header
/// <c>Ocp-Apim-Subscription-Key</c> or query <c>subscription-key</c>), rate limit per key (429), the API's own spacing
/// per key when it has one (429), injected faults (a 429 burst, counted against the limit like any call; latency; a
/// 500), then the API.
/// </summary>
/// <param name="gate">Counts every call per key, and keeps GPD's limit.</param>
/// <param name="faults">The faults injected into the APIs.</param>
/// <param name="limited">Whether the APIs behind it are under GPD's limit per key (GPD's, not FdR's or Biz-Events').</param>
internal sealed class ApimGateway(SubscriptionGate gate, FaultInjector faults, bool limited)
{
    private const string SubscriptionKey = "Ocp-Apim-Subscription-Key";

    /// <summary>
    /// Routes <paramref name="path"/> (a regex without anchors) to <paramref name="operation"/>; <paramref name="internalError"/>
    /// is the API's own 500, <paramref name="spacing"/> its calls-per-second limit per key, if any.
    /// </summary>
    public void Map(
        WireMockServer server, string method, string path, bool write, Func<IRequestMessage, ApiAnswer> operation, ApiAnswer internalError,
        ArrivalSpacing? spacing = null) =>
        server
            .Given(Request.Create().UsingMethod(method).WithPath(new RegexMatcher($"^{path}$")))
            .RespondWith(Response.Create().WithCallback(request => HandleAsync(request, write, operation, internalError, spacing)));

    public static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private async Task<IResponseMessage> HandleAsync(
        IRequestMessage request, bool write, Func<IRequestMessage, ApiAnswer> operation, ApiAnswer internalError, ArrivalSpacing? spacing)
    {
        var requestId = SandboxJson.Header(request, "X-Request-Id") is { Length: > 0 } sent ? sent : Guid.NewGuid().ToString();
        var key = SandboxJson.Header(request, SubscriptionKey) ?? Query(request, "subscription-key");
        if (string.IsNullOrWhiteSpace(key))
        {
            return Message(requestId, ApiAnswer.Json(401, new JsonObject
            {
                ["statusCode"] = 401,
                ["message"] = "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.",
            }));
        }

        var latency = faults.StartLatency(key);
        if ((gate.Admit(key, limited) ?? spacing?.Admit(key)) is { } wait)
        {
            return Throttled(requestId, wait);
        }

        if (faults.Throttle(key) is { } burst)
        {
            return Throttled(requestId, burst);
        }

        await latency.ConfigureAwait(false);
        if (faults.Fail(key))
        {
            return Message(requestId, internalError);
        }

        // The hold starts before the write is applied: a test that sees the write stored and advances the clock must not outrun the timer.
        var hold = write ? faults.HoldAfterWrite(key) : Task.CompletedTask;
        var answer = operation(request);
        if (write && answer.IsSuccess)
        {
            await hold.ConfigureAwait(false);
        }

        if (write && answer.IsSuccess && faults.LoseResponse(key) is { } lost)
        {
            return lost == LostResponseKind.ServerError ? Message(requestId, internalError) : Dropped();
        }

        return Message(requestId, answer);
    }

    private static IResponseMessage Throttled(string requestId, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return Message(requestId, ApiAnswer.Json(429, new JsonObject
        {
            ["statusCode"] = 429,
            ["message"] = $"Rate limit is exceeded. Try again in {seconds} seconds.",
        }), ("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)));
    }

    private static IResponseMessage Message(string requestId, ApiAnswer answer, params (string Name, string Value)[] headers)
    {
        var all = new Dictionary<string, WireMockList<string>> { ["X-Request-Id"] = new(requestId) };
        foreach (var (name, value) in headers)
        {
            all[name] = new WireMockList<string>(value);
        }

        var message = new ResponseMessage { StatusCode = answer.Status, Headers = all };
        if (answer.Body is { } body)
        {
            all["Content-Type"] = new WireMockList<string>(answer.ContentType);
            message.BodyData = new BodyData
            {
                BodyAsString = body,
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            };
        }

        return message;
    }

    // Half a body then an aborted connection: the client sees the transport fail after the write was stored.
    private static ResponseMessage Dropped() => new()
    {
        StatusCode = 200,
        FaultType = FaultType.MALFORMED_RESPONSE_CHUNK,
        FaultPercentage = 1,
        BodyData = new BodyData
        {
            BodyAsString = "{\"iupd\":\"\",\"status\":\"VALID\",\"paymentOption\":[]}",
            DetectedBodyType = BodyType.String,
            Encoding = Encoding.UTF8,
        },
    };
}
