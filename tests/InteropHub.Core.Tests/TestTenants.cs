using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Tests;

internal static class TestTenants
{
    public static readonly TenantId AId = TenantId.Parse("comune-a");
    public static readonly TenantId BId = TenantId.Parse("comune-b");

    public static TenantSettings A { get; } = new()
    {
        Id = AId.Value,
        Name = "Comune A",
        FiscalCode = "02438750586",
        Scopes = [Scopes.RegistryRead, Scopes.PaymentsRead, Scopes.PaymentsWrite],
    };

    public static TenantSettings B { get; } = new()
    {
        Id = BId.Value,
        Name = "Comune B",
        FiscalCode = "01199250158",
        Scopes = [Scopes.PaymentsRead],
    };

    public static IReadOnlyList<TenantSettings> Both { get; } = [A, B];
}
