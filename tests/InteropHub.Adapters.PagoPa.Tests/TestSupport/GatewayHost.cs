using InteropHub.Contracts.Adapters;
using InteropHub.Adapters.PagoPa.Gpd;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using InteropHub.Sandbox;
using InteropHub.Sandbox.Anpr;
using InteropHub.Sandbox.PagoPa;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using InteropHub.Testing;

namespace InteropHub.Adapters.PagoPa.Tests.TestSupport;

/// <summary>
/// The plugin registered as the host would, pointed at an in-process pagoPA sandbox on a fake clock (2 March 2026),
/// serving one tenant, with every call GPD receives recorded in <see cref="Wire"/>.
/// </summary>
internal sealed class GatewayHost : IDisposable
{
    public const string Organization = BariTenant.Organization;
    public const string Key = BariTenant.Key;
    public static readonly TenantId Tenant = BariTenant.Id;

    private readonly ServiceProvider _provider;

    /// <param name="hubOnSandboxClock">The hub's timeouts, retries and limits run on <see cref="Time"/> too (else on the system clock).</param>
    public GatewayHost(bool hubOnSandboxClock = false)
    {
        Sandbox = SandboxHost.Start(new SandboxSettings { TimeProvider = Time, Anpr = new AnprSandboxSettings { Populations = [] } });
        var plugin = new PagoPaAdapterPlugin();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(plugin.SandboxSettings(Sandbox.PagoPaUrl).ToDictionary(s => $"Adapters:PagoPa:{s.Key}", s => s.Value))
            .Build();
        var services = new ServiceCollection();
        if (hubOnSandboxClock)
        {
            services.AddSingleton<TimeProvider>(Time);
        }

        var bari = new BariTenant();
        services.AddSingleton<ITenantDirectory>(bari);
        services.AddSingleton<ISecretResolver>(bari);
        services.AddSingleton<IUpstreamCallSlots>(sp => new InMemoryCallSlots(sp.GetRequiredService<TimeProvider>()));
        plugin.Register(new TestAdapterRegistration(services, configuration.GetSection("Adapters:PagoPa"), bari.All));
        foreach (var client in new[] { PagoPaAdapterPlugin.GpdClientName, PagoPaAdapterPlugin.GpdBulkClientName })
        {
            // Added after the plugin's limiter, so it sits next to the wire and sees every call as sent.
            services.AddHttpClient(client).AddHttpMessageHandler(() => new WireRecorder(Wire));
        }

        _provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public SandboxHost Sandbox { get; }

    public PagoPaSandbox PagoPa => Sandbox.PagoPa;

    public WireLog Wire { get; } = new();

    public IServiceProvider Services => _provider;

    public IPaymentGateway Gateway => _provider.GetRequiredService<IPaymentGateway>();

    public IGpdApi GpdV1 => _provider.GetRequiredService<IGpdApi>();

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A position of one notice (or one per installment) under segregation code 01, due on 31 December 2026 in Italy.</summary>
    public static DebtPosition Position(string iupd, params long[] sequences) => new()
    {
        Iupd = iupd,
        Debtor = new Debtor
        {
            Type = DebtorType.NaturalPerson,
            FiscalCode = "RSSMRA80A01H501U",
            FullName = "Mario Rossi",
            StreetName = "Via Sparano",
            CivicNumber = "1",
            PostalCode = "70121",
            City = "Bari",
            Province = "BA",
            Country = "IT",
            Email = "mario.rossi@example.it",
        },
        CompanyName = "Comune di Bari",
        SwitchToExpired = true,
        Options = [.. sequences.Select((sequence, i) => Option(sequence, sequences.Length > 1, new DateTimeOffset(2026, 6 + i, 30, 23, 59, 59, TimeSpan.FromHours(2))))],
    };

    public static DebtPositionOption Option(long sequence, bool installment, DateTimeOffset dueAt) => new()
    {
        NoticeNumber = NoticeNumber.FromIuv(Iuv.Create("01", sequence)),
        AmountCents = 30_000,
        Description = "TARI 2026",
        DueAt = dueAt,
        IsInstallment = installment,
        Transfers =
        [
            new DebtTransfer { Index = 1, AmountCents = 10_000, Iban = Iban.Parse("IT60X0542811101000000123456"), RemittanceInformation = "TARI 2026 quota comunale", TaxonomyCode = "9/0101108TS/" },
            new DebtTransfer
            {
                Index = 2,
                AmountCents = 20_000,
                Beneficiary = OrganizationFiscalCode.Parse("00100700574"),
                Iban = Iban.Parse("IT57X0306909606100000000001"),
                RemittanceInformation = "TARI 2026 tributo provinciale",
                TaxonomyCode = "9/0601102IM/",
            },
        ],
    };

    /// <summary>The positions the sandbox holds for the tenant, by iupd.</summary>
    public IReadOnlyList<string> Stored() => [.. PagoPa.Positions(Organization).Select(p => p.Iupd)];

    /// <summary>Applies <paramref name="faults"/> to the next call matching <paramref name="match"/> only, then clears them.</summary>
    public void FaultOnce(Func<HttpRequestMessage, bool> match, PagoPaFaults faults) => Wire.Before = request =>
    {
        if (!match(request))
        {
            return null;
        }

        Wire.Before = null;
        PagoPa.Faults = faults;
        return () => PagoPa.Faults = PagoPaFaults.None;
    };

    public void Dispose()
    {
        _provider.Dispose();
        Sandbox.Dispose();
    }
}
