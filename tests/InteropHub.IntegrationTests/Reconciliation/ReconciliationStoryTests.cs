using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.PagoPa;
using Microsoft.Extensions.DependencyInjection;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Reconciliation;

/// <summary>
/// The reconciliation story in sandbox mode: payments created and paid, receipts synced from GPD, a PSP's flow
/// published with an injected anomaly, acquired from FdR and matched — then the flows, the anomalies, the summary and
/// the events, and a re-run that changes nothing.
/// </summary>
public sealed class ReconciliationStoryTests
{
    private const string MatcherActor = "matcher";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paid_payments_are_reported_by_their_flow_and_a_changed_amount_is_an_open_007104()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var sandbox = hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.PagoPa;
        var first = await CreatedAsync(client, Single(10_000));
        var second = await CreatedAsync(client, Single(20_000));
        var unpaid = await CreatedAsync(client, Single(30_000));
        foreach (var paid in new[] { first, second })
        {
            sandbox.Pay(new PagoPaPayment(DemoAFiscalCode, paid.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));
        }

        var synced = await RunAsync(client, "pagopa.receipts.demo-a");
        Assert.True(synced.GetProperty("counts").GetProperty("recorded").GetInt64() == 2, synced.GetRawText());
        Assert.Equal("paid", await StatusAsync(client, first));
        Assert.Equal("payable", await StatusAsync(client, unpaid));

        var published = Assert.Single(sandbox.PublishFlows(DemoAFiscalCode, anomalies: [FlowAnomaly.AmountChanged]));
        var acquired = await RunAsync(client, "pagopa.fdr.demo-a");
        var matched = await RunAsync(client, "pagopa.match.demo-a");

        Assert.Equal(1, acquired.GetProperty("counts").GetProperty("stored").GetInt64());
        Assert.Equal(1, matched.GetProperty("counts").GetProperty("matched").GetInt64());
        var flows = await GetAsync(client, "/v1/reconciliation/flows");
        var flow = Assert.Single(flows.GetProperty("items").EnumerateArray());
        Assert.Equal(published.FlowId, flow.GetProperty("flowId").GetString());
        Assert.Equal("anomalous", flow.GetProperty("status").GetString());
        var detail = await GetAsync(client, $"/v1/reconciliation/flows/{flow.GetProperty("id").GetGuid()}");
        Assert.Equal(["anomalous", "matched"], detail.GetProperty("lines").EnumerateArray().OrderBy(l => l.GetProperty("index").GetInt32()).Select(l => l.GetProperty("status").GetString()));

        var anomalies = await GetAsync(client, "/v1/reconciliation/anomalies?status=open");
        var anomaly = Assert.Single(anomalies.GetProperty("items").EnumerateArray());
        Assert.Equal("007104", anomaly.GetProperty("code").GetString());
        var reported = detail.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("status").GetString() == "matched").GetProperty("paymentId").GetGuid();
        Assert.Equal("reported", (await GetAsync(client, $"/v1/payments/{reported}")).GetProperty("status").GetString());
        var summary = await GetAsync(client, "/v1/reconciliation/summary");
        Assert.Equal(2, summary.GetProperty("paidCount").GetInt32());
        Assert.Equal(1, summary.GetProperty("reportedCount").GetInt32());
        Assert.Equal(1, summary.GetProperty("anomaliesByCode").GetProperty("007104").GetInt32());
        var events = (await GetAsync(client, "/v1/events?limit=1000")).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("payment.reported", events);
        Assert.Single(events, t => t == "reconciliation.anomaly");

        var again = await RunAsync(client, "pagopa.match.demo-a");
        Assert.Equal(0, again.GetProperty("counts").GetProperty("anomalies").GetInt64());
        Assert.Equal(1, (await GetAsync(client, "/v1/reconciliation/anomalies?status=open")).GetProperty("total").GetInt32());

        using var resolve = new HttpRequestMessage(HttpMethod.Post, $"/v1/reconciliation/anomalies/{anomaly.GetProperty("id").GetInt64()}/resolve")
        {
            Content = JsonContent.Create(new { note = "PSP confirmed the extra euro was a fee; refunded by SCT." }),
        };
        resolve.Headers.Add("X-Operator-Id", "ragioneria.rossi");
        var resolved = await client.SendAsync(resolve, Ct);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var closed = await resolved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("resolved", "ragioneria.rossi"), (closed.GetProperty("status").GetString(), closed.GetProperty("resolvedBy").GetString()));
        Assert.Equal(0, (await GetAsync(client, "/v1/reconciliation/anomalies?status=open")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_line_reported_before_its_receipt_is_known_is_completed_from_biz_events_and_its_anomaly_resolved()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var sandbox = hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.PagoPa;
        var payment = await CreatedAsync(client, Single(10_000));
        sandbox.Pay(new PagoPaPayment(DemoAFiscalCode, payment.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));
        sandbox.PublishFlows(DemoAFiscalCode);

        // No receipts sync ran: the hub learns of the payment from the flow first.
        await RunAsync(client, "pagopa.fdr.demo-a");
        await RunAsync(client, "pagopa.match.demo-a");
        var open = Assert.Single((await GetAsync(client, "/v1/reconciliation/anomalies?status=open")).GetProperty("items").EnumerateArray());
        Assert.Equal("reported-without-receipt", open.GetProperty("code").GetString());

        var recovery = await RunAsync(client, "pagopa.receipt-recovery.demo-a");

        Assert.Equal(1, recovery.GetProperty("counts").GetProperty("recovered").GetInt64());
        Assert.Equal(1, recovery.GetProperty("counts").GetProperty("resolved").GetInt64());
        var read = await GetAsync(client, $"/v1/payments/{payment.GetProperty("id").GetGuid()}");
        Assert.Equal("reported", read.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(read.GetProperty("notices")[0].GetProperty("receiptId").GetString()));
        var resolved = Assert.Single((await GetAsync(client, "/v1/reconciliation/anomalies?status=resolved")).GetProperty("items").EnumerateArray());
        Assert.Equal((MatcherActor, "The line matched on a later pass."), (resolved.GetProperty("resolvedBy").GetString(), resolved.GetProperty("resolvedNote").GetString()));
    }

    [Fact]
    public async Task Bad_filters_unknown_ids_and_an_empty_note_get_clear_problems_and_another_tenant_sees_nothing()
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/reconciliation/flows?status=late", Ct), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/reconciliation/anomalies?status=closed", Ct), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/reconciliation/anomalies?code=%3Cscript%3E", Ct), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/reconciliation/flows?pageSize=1000", Ct), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/v1/reconciliation/flows/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/v1/reconciliation/anomalies/42/resolve", new { note = "done" }, Ct), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/v1/reconciliation/anomalies/42/resolve", new { note = "" }, Ct), HttpStatusCode.BadRequest, "validation-failed");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/reconciliation/summary?date=yesterday", Ct), HttpStatusCode.BadRequest, "bad-request");
        var summary = await GetAsync(hub.ClientWithKey("sandbox-key-b"), "/v1/reconciliation/summary?date=2026-11-26");
        Assert.Equal(0, summary.GetProperty("paidCount").GetInt32());
    }

    private static Task<JsonElement> RunAsync(HttpClient client, string job) => JobRuns.SucceededAsync(client, job, Ct);

    private static async Task<string?> StatusAsync(HttpClient client, JsonElement payment) =>
        (await GetAsync(client, $"/v1/payments/{payment.GetProperty("id").GetGuid()}")).GetProperty("status").GetString();
}
