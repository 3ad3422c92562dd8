using System.Text.Json;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.PagoPa;
using Microsoft.Extensions.DependencyInjection;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Reconciliation;

/// <summary>
/// Each anomaly the FdR sandbox can inject, end to end in sandbox mode: two payments paid and synced, their PSP's flow
/// published with the anomaly, acquired and matched by the jobs — and the hub raises exactly the codes that anomaly
/// stands for, each with its event, and a second pass raises nothing more.
/// </summary>
public sealed class InjectedAnomalyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FlowAnomaly.LineMissing, new[] { "007106", "007107" })]
    [InlineData(FlowAnomaly.AmountChanged, new[] { "007104" })]
    [InlineData(FlowAnomaly.DuplicateLine, new[] { "007115" })]
    [InlineData(FlowAnomaly.UnknownIuv, new[] { "007101" })]
    [InlineData(FlowAnomaly.HeaderSumWrong, new[] { "007106" })]
    [InlineData(FlowAnomaly.HeaderCountWrong, new[] { "007107" })]
    [InlineData(FlowAnomaly.NoRpt, new[] { "007111" })]
    [InlineData(FlowAnomaly.OtherReceiver, new[] { "007116" })]
    [InlineData(FlowAnomaly.NewRevision, new string[0])]
    public async Task An_injected_anomaly_raises_its_codes_once(FlowAnomaly anomaly, string[] codes)
    {
        await using var hub = new HubFactory();
        var client = hub.ClientWithKey("sandbox-key-a");
        var sandbox = hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.PagoPa;
        var payments = new List<JsonElement>();
        foreach (var amount in new[] { 10_000L, 20_000L })
        {
            var payment = await CreatedAsync(client, Single(amount));
            sandbox.Pay(new PagoPaPayment(DemoAFiscalCode, payment.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));
            payments.Add(payment);
        }

        await RunAsync(client, "pagopa.receipts.demo-a");
        sandbox.PublishFlows(DemoAFiscalCode, anomalies: [anomaly]);
        await RunAsync(client, "pagopa.fdr.demo-a");
        var first = await RunAsync(client, "pagopa.match.demo-a");
        var second = await RunAsync(client, "pagopa.match.demo-a");

        var open = (await GetAsync(client, "/v1/reconciliation/anomalies?status=open&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), open.Select(a => a.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal((long)codes.Length, first.GetProperty("counts").GetProperty("anomalies").GetInt64());
        Assert.Equal((0L, 0L), (second.GetProperty("counts").GetProperty("anomalies").GetInt64(), second.GetProperty("counts").GetProperty("reported").GetInt64()));
        var events = (await GetAsync(client, "/v1/events?after=0&limit=500")).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "reconciliation.anomaly")
            .Select(e => e.GetProperty("data").GetProperty("anomalyId").GetInt64());
        Assert.Equal(open.Select(a => a.GetProperty("id").GetInt64()).Order(), events.Order());
        // Only a payment whose line matched is reported; the one a missing line left out stays paid (paid-not-reported after 5 days).
        var statuses = new List<string?>();
        foreach (var payment in payments)
        {
            statuses.Add((await GetAsync(client, $"/v1/payments/{payment.GetProperty("id").GetGuid()}")).GetProperty("status").GetString());
        }

        Assert.Equal(
            anomaly switch { FlowAnomaly.LineMissing => ["reported", "paid"], FlowAnomaly.AmountChanged => ["paid", "reported"], _ => ["reported", "reported"] },
            statuses);
        var flows = (await GetAsync(client, "/v1/reconciliation/flows")).GetProperty("items").EnumerateArray().ToList();
        var flow = Assert.Single(flows);
        Assert.Equal(
            (anomaly == FlowAnomaly.NewRevision ? 2 : 1, codes.Length == 0 ? "matched" : "anomalous"),
            (flow.GetProperty("revision").GetInt32(), flow.GetProperty("status").GetString()));
    }

    private static Task<JsonElement> RunAsync(HttpClient client, string job) => JobRuns.SucceededAsync(client, job, Ct);
}
