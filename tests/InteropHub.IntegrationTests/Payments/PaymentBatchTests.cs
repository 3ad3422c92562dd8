using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Payments;

/// <summary>
/// Bulk uploads: streamed JSON arrays and NDJSON, per-item errors, the upload's own idempotency, and the batch job
/// pushing to the GPD sandbox with v2 bulk calls — through faults and a restart — to one definite state per item.
/// </summary>
public sealed class PaymentBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_ndjson_upload_stores_valid_items_reports_invalid_ones_and_the_job_creates_the_rest()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var lines = new[] { Single(100), Single(200), Single(0), Single(300) }.Select(b => b.ToJsonString()).Append("[1,2]");

        var response = await UploadAsync(client, string.Join('\n', lines), "application/x-ndjson");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var batch = await WaitCompletedAsync(client, response.Headers.Location!.OriginalString);
        var counts = batch.GetProperty("counts");
        Assert.Equal(5, counts.GetProperty("received").GetInt32());
        Assert.Equal(2, counts.GetProperty("invalid").GetInt32());
        Assert.Equal(3, counts.GetProperty("created").GetInt32());
        Assert.Equal(0, counts.GetProperty("pending").GetInt32());
        var errors = batch.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([2, 4], errors.Select(e => e.GetProperty("index").GetInt32()));
        Assert.True(errors[0].GetProperty("errors").TryGetProperty("amount", out _));
        Assert.True(errors[1].GetProperty("errors").TryGetProperty("$", out _));
        Assert.Equal([100L, 200L, 300L], Sandbox(hub).Positions(DemoAFiscalCode).Select(p => p.Options[0].Amount).Order());
        var listed = await GetAsync(client, "/v1/payments?status=payable");
        Assert.Equal(3, listed.GetProperty("total").GetInt32());
        var bulk = Assert.Single(await GpdRequestsAsync(hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.PagoPaUrl, "POST", "/debtpositions"));
        Assert.Contains("/v2/", bulk.Path, StringComparison.Ordinal);
        var violations = OpenApiSchemas.GpdV2.Violations(bulk.Body, "MultiplePaymentPositionModel");
        Assert.True(violations.Count == 0, string.Join("; ", violations));
    }

    [Fact]
    public async Task A_json_array_upload_repeated_with_its_key_is_the_same_batch_and_another_body_under_it_is_refused()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var body = new JsonArray(Single(100), Single(200)).ToJsonString();

        var first = await UploadAsync(client, body, "application/json", "batch-key");
        var again = await UploadAsync(client, body, "application/json", "batch-key");
        var other = await UploadAsync(client, new JsonArray(Single(999)).ToJsonString(), "application/json", "batch-key");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reuse");
        await WaitCompletedAsync(client, first.Headers.Location!.OriginalString);
        Assert.Equal(2, Sandbox(hub).Positions(DemoAFiscalCode).Count);
    }

    [Fact]
    public async Task A_malformed_or_too_large_upload_stores_nothing_and_says_why()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?> { ["Hub:Payments:MaxBatchItems"] = "3" });
        var client = hub.ClientWithKey("sandbox-key-a");

        var malformed = await UploadAsync(client, "[" + Single(100).ToJsonString() + ", {\"amount\": ", "application/json");
        var tooMany = await UploadAsync(client, new JsonArray(Single(1), Single(2), Single(3), Single(4)).ToJsonString(), "application/json");
        var notAnArray = await UploadAsync(client, Single(100).ToJsonString(), "application/json");
        var wrongType = await UploadAsync(client, "<payments/>", "application/xml");
        using var noKey = new HttpRequestMessage(HttpMethod.Post, "/v1/payments/batches") { Content = new StringContent("[]", Encoding.UTF8, "application/json") };

        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest, "malformed-json");
        await ProblemAssert.IsProblemAsync(tooMany, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        await ProblemAssert.IsProblemAsync(notAnArray, HttpStatusCode.BadRequest, "malformed-json");
        await ProblemAssert.IsProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await ProblemAssert.IsProblemAsync(await client.SendAsync(noKey, Ct), HttpStatusCode.BadRequest, "idempotency-key-missing");
        Assert.Equal(0, (await GetAsync(client, "/v1/payments")).GetProperty("total").GetInt32());
        Assert.Empty(Sandbox(hub).Positions(DemoAFiscalCode));
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/v1/payments/batches/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Another_tenants_batch_is_not_found()
    {
        await using var hub = new HubFactory();
        var response = await UploadAsync(hub.ClientWithKey("sandbox-key-a"), new JsonArray(Single(100)).ToJsonString(), "application/json");

        var seen = await hub.ClientWithKey("sandbox-key-b").GetAsync(response.Headers.Location!.OriginalString, Ct);

        await ProblemAssert.IsProblemAsync(seen, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_comune_whose_pagopa_calls_keep_failing_waits_while_another_comunes_batch_goes_through()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Hub:Payments:UnavailablePause"] = "00:00:00",
            ["Adapters:PagoPa:Resilience:MaxRetryAttempts"] = "0",
            ["Adapters:PagoPa:Resilience:BreakDuration"] = "00:00:00.5",
        });
        var alpha = hub.ClientWithKey("sandbox-key-a");
        var beta = hub.ClientWithKey("sandbox-key-b");
        Sandbox(hub).Faults = new PagoPaFaults(TimeSpan.Zero, errorRatio: 1) { OnlyKeys = new HashSet<string> { "sandbox-gpd-key-demo-a" } };
        var body = string.Join('\n', new[] { Single(100), Single(200) }.Select(b => b.ToJsonString()));

        // demo-a's batch is the older one: it used to be first in line, and its outage ended every run before demo-b's turn.
        var down = (await UploadAsync(alpha, body, "application/x-ndjson")).Headers.Location!.OriginalString;
        var up = (await UploadAsync(beta, body, "application/x-ndjson")).Headers.Location!.OriginalString;
        var pushed = await WaitCompletedAsync(beta, up);
        var waiting = await GetAsync(alpha, down);

        Assert.Equal(2, pushed.GetProperty("counts").GetProperty("created").GetInt32());
        Assert.Equal(2, waiting.GetProperty("counts").GetProperty("pending").GetInt32());
        Assert.Empty(Sandbox(hub).Positions(DemoAFiscalCode));
        Sandbox(hub).Faults = PagoPaFaults.None;
        var run = await JobRuns.TriggerAndWaitAsync(alpha, "payments.batches", Ct);
        Assert.Equal(2, (await WaitCompletedAsync(alpha, down)).GetProperty("counts").GetProperty("created").GetInt32());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string body, string mediaType, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payments/batches") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request, Ct);
    }

    private static Task<JsonElement> WaitCompletedAsync(HttpClient client, string location) =>
        WaitAsync(client, location, b => b.GetProperty("status").GetString() == "completed");

    /// <summary>Polls the batch (bounded) while the job works on the scheduler's thread: there is no clock to fake here.</summary>
    private static async Task<JsonElement> WaitAsync(HttpClient client, string location, Func<JsonElement, bool> done)
    {
        JsonElement batch = default;
        return await Polling.UntilAsync(async () => done(batch = await client.GetFromJsonAsync<JsonElement>(location, Ct)), Ct, TimeSpan.FromSeconds(200))
            ? batch
            : throw new TimeoutException($"The batch did not get there: {batch}");
    }

    private static PagoPaSandbox Sandbox(HubFactory hub) => hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.PagoPa;
}
