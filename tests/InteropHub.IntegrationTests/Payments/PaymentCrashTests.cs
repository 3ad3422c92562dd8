using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.PagoPa;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Payments;

/// <summary>
/// The hub process killed between GPD's write and its own commit: one position on GPD, and after a restart the
/// recovery pass and the caller's retry with the same Idempotency-Key both land on it — never a second one.
/// </summary>
public sealed class PaymentCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hub_killed_mid_creation_leaves_one_position_that_the_restart_and_the_retry_complete()
    {
        using var pagoPa = new ExternalPagoPa();
        var directory = HubFactory.NewDirectory();
        try
        {
            var settings = pagoPa.Settings(directory);
            settings["Hub:Payments:RecoveryGrace"] = "00:00:00";
            settings["Hub:Idempotency:InProgressLease"] = "00:00:01";
            var key = Guid.NewGuid().ToString();

            // GPD writes the position, then holds its answer: the hub is waiting for it when it dies.
            pagoPa.Sandbox.Faults = PagoPaFaults.None with { HoldAfterWrite = TimeSpan.FromMinutes(2) };
            using (var hub = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = hub.Client(ExternalPagoPa.Key);
                var creating = CreateAsync(client, Single(), key);
                await hub.EventuallyAsync(() => Task.FromResult(pagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode).Count == 1), Ct);
                hub.Kill();
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => creating);
            }

            pagoPa.Sandbox.Faults = PagoPaFaults.None;
            using (var restarted = await HubProcess.StartAsync(directory, settings, Ct))
            {
                using var client = restarted.Client(ExternalPagoPa.Key);

                // The start-up recovery pass finds the position GPD made and records it.
                JsonElement listed = default;
                await restarted.EventuallyAsync(async () =>
                {
                    listed = await client.GetFromJsonAsync<JsonElement>("/v1/payments?status=payable", Ct);
                    return listed.GetProperty("total").GetInt32() == 1;
                }, Ct);

                var retry = await CreateAsync(client, Single(), key);
                Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
                var payment = await retry.Content.ReadFromJsonAsync<JsonElement>(Ct);
                Assert.Equal(listed.GetProperty("items")[0].GetProperty("id").GetGuid(), payment.GetProperty("id").GetGuid());
                var position = Assert.Single(pagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode));
                Assert.Equal(payment.GetProperty("iupd").GetString(), position.Iupd);
                Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/v1/payments", Ct)).GetProperty("total").GetInt32());
            }
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }
}
