using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace InteropHub.IntegrationTests.Hostile;

/// <summary>
/// The hostile requests for one operation of the hub's OpenAPI document, made from the document alone, so an operation
/// added later is covered with no edit here: anonymous and wrong-key calls under every kind of <c>Accept</c>; junk path
/// and query values; and, where the operation takes a JSON body, malformed, mistyped, oversized, deeply nested,
/// duplicate-key, unknown-member, empty and wrong-content-type bodies. Each case says what it must not get back.
/// </summary>
internal static class HostileRequests
{
    /// <summary>Bodies above this are refused before they are read (the fixture sets the hub's limit to it).</summary>
    public const int BodyLimit = 16 * 1024;

    public const string UnknownMember = "zzHostileMember";

    private static readonly string[] NonJsonAccepts = ["text/plain", "text/html", "application/xml", "image/png", "*/*;q=0", "application/problem+json"];

    public static IEnumerable<HostileCase> For(HostileOperation operation)
    {
        foreach (var accept in NonJsonAccepts)
        {
            yield return new($"anonymous, Accept {accept}", operation.Anonymous ? Expect.NoServerError : Expect.Status(401, 429), Request(operation, accept: accept, apiKey: null));
        }

        yield return new("a key the hub does not know", operation.Anonymous ? Expect.NoServerError : Expect.Status(401, 429), Request(operation, apiKey: "not-a-key-of-any-tenant"));

        foreach (var accept in NonJsonAccepts)
        {
            yield return new($"authenticated, Accept {accept}", Expect.NoServerError, Request(operation, accept: accept));
        }

        foreach (var (name, _) in operation.PathParameters)
        {
            foreach (var value in JunkValues)
            {
                yield return new($"path {name} = {Shorten(value)}", Expect.NoServerError, Request(operation, path: (name, value)));
            }
        }

        foreach (var name in operation.QueryParameters)
        {
            foreach (var value in JunkValues)
            {
                yield return new($"query {name} = {Shorten(value)}", Expect.NoServerError, Request(operation, query: $"{name}={Uri.EscapeDataString(value)}"));
            }

            yield return new($"query {name} twice", Expect.NoServerError, Request(operation, query: $"{name}=1&{name}=2"));
        }

        if (operation.JsonBody is not { } example)
        {
            if (operation.Method is "POST" or "PATCH" or "PUT")
            {
                yield return new("an undeclared JSON body", Expect.NoServerError, Request(operation, body: Json("{\"a\":")));
                yield return new("an undeclared XML body", Expect.NoServerError, Request(operation, body: Text("<a/>", "application/xml")));
            }

            yield break;
        }

        foreach (var (what, body) in MalformedBodies(example))
        {
            yield return new(what, Expect.Status(400), Request(operation, body: Json(body)));
        }

        // First, so no error in a later member can be reported in its place.
        var unknown = new JsonObject { [UnknownMember] = 1 };
        foreach (var (member, value) in example)
        {
            unknown[member] = value?.DeepClone();
        }

        yield return new("an unknown member", Expect.Status(400).Naming(UnknownMember), Request(operation, body: Json(unknown.ToJsonString())));

        foreach (var (member, value) in example)
        {
            foreach (var wrong in WrongTypes(value))
            {
                var mistyped = example.DeepClone().AsObject();
                mistyped[member] = wrong?.DeepClone();
                yield return new($"member {member} = {Shorten(wrong?.ToJsonString() ?? "null")}", Expect.Client, Request(operation, body: Json(mistyped.ToJsonString())));
            }
        }

        var text = example.ToJsonString();
        yield return new("a body over the limit", Expect.Status(413), Request(operation, body: Json(text[..^1] + ",\"pad\":\"" + new string('x', BodyLimit) + "\"}")));
        yield return new("Content-Type text/plain", Expect.Status(415), Request(operation, body: Text(text, "text/plain")));
        yield return new("Content-Type application/xml", Expect.Status(415), Request(operation, body: Text(text, "application/xml")));
        yield return new("Content-Type form", Expect.Status(415), Request(operation, body: Text("a=1", "application/x-www-form-urlencoded")));
        yield return new("no Content-Type", Expect.Status(415), Request(operation, body: Text(text, null)));
        yield return new("JSON body, Accept text/plain", Expect.Client, Request(operation, accept: "text/plain", body: Json("{")));
    }

    private static readonly string[] JunkValues =
    [
        new string('A', 3000),
        "-1",
        "99999999999999999999999",
        "9999-12-31",
        "0001-01-01",
        "2026-02-30",
        "not a value",
        "%00",
        "..%2F..%2Fetc",
        "ｱ𝟘🙂\u202E",
        "' OR 1=1 --",
    ];

    private static IEnumerable<(string What, string Body)> MalformedBodies(JsonObject example)
    {
        var text = example.ToJsonString();
        var first = example.Select(m => m.Key).FirstOrDefault() ?? "a";
        yield return ("truncated JSON", text[..(text.Length / 2)]);
        yield return ("not JSON", "this is not json");
        yield return ("an empty body", "");
        yield return ("a JSON array", "[]");
        yield return ("a JSON string", "\"text\"");
        yield return ("JSON null", "null");
        yield return ("trailing content", text + "}");
        yield return ("a duplicate member", "{" + $"\"{first}\":null," + text[1..]);
        yield return ("deep nesting", new string('[', 5000) + new string(']', 5000));
        yield return ("deep nesting in a member", "{" + $"\"{first}\":" + new string('{', 2000).Replace("{", "{\"a\":", StringComparison.Ordinal) + "1" + new string('}', 2001));
        yield return ("invalid UTF-8", Encoding.Latin1.GetString([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]));
        yield return ("a number beyond any integer", "{" + $"\"{first}\":1e400" + "}");
    }

    private static IEnumerable<JsonNode?> WrongTypes(JsonNode? value)
    {
        var kind = value?.GetValueKind();
        if (kind != System.Text.Json.JsonValueKind.String)
        {
            yield return JsonValue.Create("a string where none belongs");
        }

        if (kind != System.Text.Json.JsonValueKind.Number)
        {
            yield return JsonValue.Create(12.5);
        }
        else
        {
            yield return JsonValue.Create(1.5);
            yield return JsonNode.Parse("123456789012345678901234567890");
        }

        if (kind != System.Text.Json.JsonValueKind.Object)
        {
            yield return new JsonObject { ["nested"] = true };
        }

        if (kind != System.Text.Json.JsonValueKind.Array)
        {
            yield return new JsonArray(1, "two", null);
        }

        yield return JsonValue.Create(true);
    }

    private static Func<HttpRequestMessage> Request(
        HostileOperation operation,
        string? accept = null,
        string? apiKey = HostileOperationSource.Key,
        (string Name, string Value)? path = null,
        string? query = null,
        Func<HttpContent>? body = null) => () =>
    {
        var target = operation.Path(path);
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), query is null ? target : target + "?" + query);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        // What a well-behaved client sends with every call, so the hostile part is the only thing wrong.
        request.Headers.Add("X-Operator-Id", "hostile-suite");
        request.Headers.Add("X-Request-Reason", "PROT-2026-HOSTILE");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Content = body?.Invoke();
        return request;
    };

    private static Func<HttpContent> Json(string body) => () => new StringContent(body, Encoding.UTF8, "application/json");

    private static Func<HttpContent> Text(string body, string? mediaType) => () =>
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        return content;
    };

    private static string Shorten(string value) => value.Length > 24 ? value[..12] + $"…({value.Length} chars)" : value;
}
