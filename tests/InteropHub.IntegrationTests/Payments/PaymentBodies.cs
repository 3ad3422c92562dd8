using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InteropHub.IntegrationTests.Payments;

/// <summary>Payment requests as a comune's software sends them, and the calls of the payments API.</summary>
internal static class PaymentBodies
{
    /// <summary>demo-a's IBAN as sandbox mode configures it.</summary>
    public const string DemoAIban = "IT60X0542811101000000123456";

    /// <summary>demo-b's fiscal code and IBAN: a beneficiary comune of a shared payment.</summary>
    public const string DemoBFiscalCode = "00306180720";
    public const string DemoBIban = "IT57X0306909606100000000001";

    public const string DemoAFiscalCode = "80015010723";
    public const string DebtorCode = "RSSMRA80A01H501U";

    public static string InDays(int days) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject Single(long amount = 12_050, string? debtor = DebtorCode, string? description = "TARI 2026 - acconto") => new()
    {
        ["debtor"] = new JsonObject { ["type"] = "F", ["fiscalCode"] = debtor, ["name"] = "Mario Rossi", ["email"] = "mario.rossi@example.org" },
        ["description"] = description,
        ["reference"] = "TARI/2026/000123",
        ["amount"] = amount,
        ["dueDate"] = InDays(30),
        ["taxonomyCode"] = "9/0101108TS/",
    };

    public static JsonObject Installments(params long[] amounts) => new()
    {
        ["debtor"] = new JsonObject { ["type"] = "F", ["fiscalCode"] = DebtorCode, ["name"] = "Mario Rossi" },
        ["description"] = "Sanzione CdS rateizzata",
        ["installments"] = new JsonArray([.. amounts.Select((a, i) => (JsonNode)new JsonObject { ["amount"] = a, ["dueDate"] = InDays(30 * (i + 1)) })]),
        ["taxonomyCode"] = "9/0101108TS/",
    };

    public static async Task<HttpResponseMessage> CreateAsync(HttpClient client, JsonNode body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> CreatedAsync(HttpClient client, JsonNode body, string? key = null)
    {
        var response = await CreateAsync(client, body, key);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The hub's calls to GPD with a JSON body, from the pagoPA sandbox's request log (WireMock's admin API).</summary>
    public static async Task<List<(string Path, JsonElement Body)>> GpdRequestsAsync(Uri sandbox, string method, string pathEnd)
    {
        using var http = new HttpClient { BaseAddress = sandbox };
        var log = await http.GetFromJsonAsync<JsonElement>("__admin/requests", TestContext.Current.CancellationToken);
        return [.. log.EnumerateArray()
            .Select(e => e.GetProperty("Request"))
            .Where(r => r.GetProperty("Method").GetString() == method && r.GetProperty("Path").GetString()!.EndsWith(pathEnd, StringComparison.Ordinal))
            .Select(r => (r.GetProperty("Path").GetString()!, JsonDocument.Parse(r.GetProperty("Body").GetString()!).RootElement.Clone()))];
    }
}
