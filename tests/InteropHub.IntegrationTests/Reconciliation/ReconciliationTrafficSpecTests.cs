using System.Text.RegularExpressions;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.PagoPa;
using Microsoft.Extensions.DependencyInjection;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Reconciliation;

/// <summary>
/// Every call the reconciliation jobs make to the pagoPA sandbox, and every answer, read back from the sandbox's request
/// log and checked against the official specs: receipts sync (GPD's list, openapi_external_v1.json), FdR acquisition
/// (fdr_organization.json), receipt recovery (biz_events.json) and GPD-payments' receipts (gpd_payments.json).
/// </summary>
public sealed partial class ReconciliationTrafficSpecTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_reconciliation_jobs_calls_to_pagopa_and_the_answers_conform_to_the_official_specs()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?>().WithQuietCrons());
        var client = hub.ClientWithKey("sandbox-key-a");
        var runtime = hub.Services.GetRequiredService<HubRuntime>();
        var sandbox = runtime.SandboxHost!.PagoPa;

        // One payment synced from GPD, one the flow reports first: FdR, then Biz-Events for the missing receipt.
        var synced = await CreatedAsync(client, Single(10_000));
        sandbox.Pay(new PagoPaPayment(DemoAFiscalCode, synced.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));
        await JobRuns.TriggerAndWaitAsync(client, "pagopa.receipts.demo-a", Ct);
        var late = await CreatedAsync(client, Single(20_000));
        sandbox.Pay(new PagoPaPayment(DemoAFiscalCode, late.GetProperty("notices")[0].GetProperty("noticeNumber").GetString()));
        Assert.Single(sandbox.PublishFlows(DemoAFiscalCode));
        await JobRuns.TriggerAndWaitAsync(client, "pagopa.fdr.demo-a", Ct);
        await JobRuns.TriggerAndWaitAsync(client, "pagopa.match.demo-a", Ct);
        var recovery = await JobRuns.TriggerAndWaitAsync(client, "pagopa.receipt-recovery.demo-a", Ct);
        Assert.True(recovery.GetProperty("counts").GetProperty("recovered").GetInt64() == 1, recovery.GetRawText());

        var calls = await SandboxCall.LogAsync(runtime.SandboxHost.PagoPaUrl, Ct);
        Assert.DoesNotContain(calls, c => c.Status == 429);
        var specs = new[] { "openapi_external_v1.json", "fdr_organization.json", "biz_events.json", "gpd_payments.json" }.Select(OpenApiOperations.Load).ToList();
        var exercised = new List<string>();
        foreach (var call in calls.Where(c => !IsPositionWrite(c)))
        {
            var spec = specs.SingleOrDefault(s => s.Covers(call));
            if (spec is null)
            {
                continue;
            }

            var violations = spec.Violations(call).Where(v => !TransferWithIbanOnly().IsMatch(v)).ToList();
            Assert.True(violations.Count == 0, $"{call.Method} {call.Path} → {call.Status}: {string.Join("; ", violations)}");
            exercised.Add(spec.Operation(call)!);
        }

        string[] expected =
        [
            "GET /organizations/{organizationfiscalcode}/debtpositions",
            "GET /organizations/{organizationfiscalcode}/receipts/{iur}/paymentoptions/{iuv}",
            "GET /organizations/{organizationId}/fdrs",
            "GET /organizations/{organizationId}/fdrs/{fdr}/revisions/{revision}/psps/{pspId}",
            "GET /organizations/{organizationId}/fdrs/{fdr}/revisions/{revision}/psps/{pspId}/payments",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), exercised.Distinct().Order(StringComparer.Ordinal));
    }

    // Creating and publishing positions is the payments API's traffic, checked by its own tests.
    private static bool IsPositionWrite(SandboxCall call) => call.Method != "GET";

    // Biz-Events' TransferPA requires iban and mbdAttachment both, though ctReceiptV2 makes them a choice: a receipt sends one.
    [GeneratedRegex(@"^/organizations/\{organizationfiscalcode\}/receipts/\{iur\}/paymentoptions/\{iuv\} 200: \$\.transferList\[\d+\]: required member 'mbdAttachment' is missing$")]
    private static partial Regex TransferWithIbanOnly();
}
