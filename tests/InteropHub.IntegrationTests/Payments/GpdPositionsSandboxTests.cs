using System.Text.Json;
using InteropHub.Adapters.PagoPa.Gpd;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Host;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Payments;

/// <summary>
/// The hub's GPD client against the GPD sandbox in sandbox mode: what it sends conforms to the official spec, the
/// demo tenant's subscription key is used, and a creation whose answer is lost after GPD wrote it yields one position.
/// </summary>
public sealed class GpdPositionsSandboxTests
{
    private static readonly TenantId DemoA = TenantId.Parse("demo-a");
    private const string DemoAFiscalCode = "80015010723";

    [Fact]
    public async Task A_position_is_published_with_a_request_that_conforms_to_gpd_v1_and_the_tenants_key()
    {
        await using var hub = new HubFactory();
        var position = await NewPositionAsync(hub);

        var created = await hub.Services.GetRequiredService<GpdPositions>().EnsureCreatedAsync(DemoA, position, TestContext.Current.CancellationToken);

        Assert.Equal("VALID", created.Status);
        Assert.Equal("3" + position.PaymentOption[0].Iuv, created.PaymentOption[0].Nav);
        var sent = await SentCreateBodiesAsync(hub);
        var body = Assert.Single(sent);
        var violations = OpenApiSchemas.GpdV1.Violations(body, "PaymentPositionModel");
        Assert.True(violations.Count == 0, string.Join("; ", violations));
        Assert.Equal(1, Sandbox(hub).RequestCount("sandbox-gpd-key-demo-a"));
    }

    [Fact]
    public async Task An_answer_lost_after_the_write_yields_exactly_one_position()
    {
        await using var hub = new HubFactory();
        var sandbox = Sandbox(hub);
        sandbox.Faults = new PagoPaFaults(TimeSpan.Zero, 0, lostResponseRatio: 1);
        var position = await NewPositionAsync(hub);

        var created = await hub.Services.GetRequiredService<GpdPositions>().EnsureCreatedAsync(DemoA, position, TestContext.Current.CancellationToken);

        Assert.Equal(position.Iupd, created.Iupd);
        Assert.Single(sandbox.Positions(DemoAFiscalCode), p => p.Iupd == position.Iupd);
        Assert.Single(await SentCreateBodiesAsync(hub));
    }

    [Fact]
    public async Task Creating_the_same_iupd_twice_finds_the_first_position()
    {
        await using var hub = new HubFactory();
        var positions = hub.Services.GetRequiredService<GpdPositions>();
        var position = await NewPositionAsync(hub);

        var first = await positions.EnsureCreatedAsync(DemoA, position, TestContext.Current.CancellationToken);
        var again = await positions.EnsureCreatedAsync(DemoA, position, TestContext.Current.CancellationToken);

        Assert.Equal(first.PaymentOption[0].Nav, again.PaymentOption[0].Nav);
        Assert.Single(Sandbox(hub).Positions(DemoAFiscalCode), p => p.Iupd == position.Iupd);
    }

    private static PagoPaSandbox Sandbox(HubFactory hub) => hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.PagoPa;

    private static async Task<GpdPaymentPosition> NewPositionAsync(HubFactory hub)
    {
        var notice = await hub.Services.GetRequiredService<INoticeNumberSource>().NextAsync(DemoA, "01", TestContext.Current.CancellationToken);
        return new GpdPaymentPosition
        {
            Iupd = $"{DemoAFiscalCode}-{Guid.NewGuid():N}",
            Type = "F",
            FiscalCode = "RSSMRA80A01H501U",
            FullName = "Mario Rossi",
            CompanyName = "Comune Demo A (sandbox)",
            PaymentOption =
            [
                new GpdPaymentOption
                {
                    Iuv = notice.Iuv.Value,
                    Amount = 12_345,
                    Description = "TARI 2026 - acconto",
                    IsPartialPayment = false,
                    DueDate = DateTime.UtcNow.Date.AddDays(60),
                    RetentionDate = DateTime.UtcNow.Date.AddDays(150),
                    Transfer = [new GpdTransfer { IdTransfer = "1", Amount = 12_345, RemittanceInformation = "TARI 2026", Category = "9/0101108TS/", Iban = "IT60X0542811101000000123456" }],
                },
            ],
        };
    }

    private static async Task<List<JsonElement>> SentCreateBodiesAsync(HubFactory hub) =>
        [.. (await PaymentBodies.GpdRequestsAsync(hub.Services.GetRequiredService<HubRuntime>().SandboxHost!.PagoPaUrl, "POST", "/debtpositions")).Select(r => r.Body)];
}
