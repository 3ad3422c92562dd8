using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Sandbox.Anpr;
using InteropHub.Sandbox.PagoPa;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Sandbox.Tests.PagoPa;

/// <summary>A started sandbox on a fake clock (2 March 2026, 09:00 UTC) and a plain GPD client for organization <see cref="Org"/>.</summary>
public sealed class GpdHost : IDisposable
{
    public const string Org = "77777777777";
    public const string Key = "sandbox-key";

    public static readonly HttpClient Http = new();

    public GpdHost()
        : this(new PagoPaSandboxSettings())
    {
    }

    internal GpdHost(PagoPaSandboxSettings settings)
    {
        // No generated ANPR register: these tests only talk to pagoPA, and starting stays cheap.
        Host = SandboxHost.Start(new SandboxSettings { TimeProvider = Time, PagoPa = settings, Anpr = new AnprSandboxSettings { Populations = [] } });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public SandboxHost Host { get; }

    public PagoPaSandbox PagoPa => Host.PagoPa;

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A one-option position due on 31 December 2026, two transfers (10000 + 20000 cents).</summary>
    public static JsonObject Position(string iupd, string iuv, long amount = 30000) => new()
    {
        ["iupd"] = iupd,
        ["type"] = "F",
        ["fiscalCode"] = "RSSMRA80A01H501U",
        ["fullName"] = "Mario Rossi",
        ["companyName"] = "Comune di Sandbox",
        ["switchToExpired"] = false,
        ["paymentOption"] = new JsonArray(Option(iuv, amount, partial: false, "2026-12-31T23:59:59")),
    };

    public static JsonObject Option(string iuv, long amount, bool partial, string dueDate) => new()
    {
        ["iuv"] = iuv,
        ["amount"] = amount,
        ["description"] = "TARI 2026",
        ["isPartialPayment"] = partial,
        ["dueDate"] = dueDate,
        ["retentionDate"] = "2027-03-31T23:59:59",
        ["transfer"] = new JsonArray(
            new JsonObject { ["idTransfer"] = "1", ["amount"] = amount / 3, ["remittanceInformation"] = "Quota 1", ["category"] = "9/0101108TS/", ["iban"] = "IT60X0542811101000000123456" },
            new JsonObject { ["idTransfer"] = "2", ["amount"] = amount - (amount / 3), ["remittanceInformation"] = "Quota 2", ["category"] = "9/0101108TS/", ["iban"] = "IT60X0542811101000000654321" }),
    };

    public Uri V1(string relative) => new($"{PagoPa.GpdUrl}/organizations/{Org}/{relative}");

    /// <summary>Sends to a GPD v1 path below the organization, with the subscription key unless null.</summary>
    public Task<(int Status, JsonElement Body, HttpResponseMessage Response)> Call(HttpMethod method, string relative, JsonNode? body = null, string? key = Key) =>
        Send(method, V1(relative), body, key);

    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> Send(HttpMethod method, Uri url, JsonNode? body = null, string? key = Key)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString())) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }

        if (key is not null)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", key);
        }

        var response = await Http.SendAsync(request, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text), response);
    }

    /// <summary>Creates a position (optionally published) and asserts the 201.</summary>
    public async Task<JsonElement> Create(JsonObject position, bool toPublish = false)
    {
        var (status, body, _) = await Call(HttpMethod.Post, $"debtpositions{(toPublish ? "?toPublish=true" : "")}", position);
        Assert.Equal(201, status);
        return body;
    }

    public static string? Text(JsonElement json, string name) => json.TryGetProperty(name, out var value) ? value.ToString() : null;

    public void Dispose() => Host.Dispose();
}
