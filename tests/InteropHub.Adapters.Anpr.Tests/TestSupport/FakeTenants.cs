using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Anpr.Tests.TestSupport;

/// <summary>Two comuni with a PDND purpose on every ANPR e-service, and one with none.</summary>
internal sealed class FakeTenants : ITenantDirectory
{
    public static readonly TenantId A = TenantId.Parse("demo-a");
    public static readonly TenantId B = TenantId.Parse("demo-b");
    public static readonly TenantId WithoutPurposes = TenantId.Parse("demo-c");

    public static readonly string[] Codes = ["C001", "C003", "C007", "C008", "C015", "C019", "C020", "C021", "C030"];

    public List<TenantSettings> Tenants { get; } =
    [
        WithPurposes(A),
        WithPurposes(B),
        new TenantSettings { Id = WithoutPurposes.Value, Name = "Comune senza finalità" },
    ];

    public IReadOnlyList<TenantSettings> All => Tenants;

    public TenantSettings? Find(TenantId id) => Tenants.FirstOrDefault(t => t.Id == id.Value);

    private static TenantSettings WithPurposes(TenantId id) => new()
    {
        Id = id.Value,
        Name = $"Comune {id}",
        Pdnd = new TenantPdndSettings
        {
            ClientId = Guid.NewGuid().ToString(),
            Purposes = Codes.ToDictionary(c => $"anpr-{c.ToLowerInvariant()}", _ => Guid.NewGuid().ToString()),
        },
    };
}
