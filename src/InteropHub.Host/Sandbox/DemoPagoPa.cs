using InteropHub.Contracts.Tenancy;

namespace InteropHub.Host.Sandbox;

/// <summary>
/// Gives each demo tenant a GPD subscription key the pagoPA sandbox accepts, in a file beside the demo PDND keys
/// (owner-only), referenced the way a real tenant references its key.
/// </summary>
internal static class DemoPagoPa
{
    public static IReadOnlyList<TenantSettings> Provision(string keysDirectory, IReadOnlyList<TenantSettings> demoTenants)
    {
        Directory.CreateDirectory(keysDirectory);
        return [.. demoTenants.Select(tenant =>
        {
            var path = Path.Combine(keysDirectory, $"{tenant.Id}.gpd-key");
            if (!File.Exists(path))
            {
                File.WriteAllText(path, $"sandbox-gpd-key-{tenant.Id}");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            return tenant with { PagoPa = tenant.PagoPa with { GpdSubscriptionKey = new SecretReference { File = path } } };
        })];
    }
}
