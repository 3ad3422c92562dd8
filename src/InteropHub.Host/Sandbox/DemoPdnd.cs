using System.Security.Cryptography;
using System.Text;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Contracts.Tenancy;
using InteropHub.Sandbox.Anpr;
using InteropHub.Sandbox.Pdnd;

namespace InteropHub.Host.Sandbox;

/// <summary>
/// What a comune does in the PDND back office, done for the demo tenants in the PDND sandbox: an e-service client and
/// an API Interop client with an uploaded key, and a purpose on each ANPR e-service (key <c>anpr-&lt;code&gt;</c>).
/// The keys live next to the hub database, so a restart keeps the same kid.
/// </summary>
internal static class DemoPdnd
{
    /// <summary>The e-service whose Signal Hub signals the demo tenants pull (ANPR C020, residence).</summary>
    public static Guid SignalEServiceId { get; } = StableGuid("anpr/C020");

    public static IReadOnlyList<TenantSettings> Provision(SandboxPlatforms sandbox, IConfiguration configuration, string keysDirectory, IReadOnlyList<TenantSettings> demoTenants)
    {
        Directory.CreateDirectory(keysDirectory);
        // A purpose's voucher carries the audience the e-service publishes, whatever the hub's configuration says.
        var anpr = configuration.GetSection("Adapters:Anpr:EServices").GetChildren()
            .Select(s => (Code: s.Key, Service: AnprService.Defaults.FirstOrDefault(service => string.Equals(service.Code, s.Key, StringComparison.OrdinalIgnoreCase))))
            .Where(s => s.Service is not null)
            .Select(s => (s.Code, s.Service!.Audience))
            .ToList();

        var provisioned = new List<TenantSettings>();
        foreach (var tenant in demoTenants)
        {
            var organization = StableGuid($"{tenant.Id}/organization");
            var client = StableGuid($"{tenant.Id}/client/e-service");
            var apiInterop = StableGuid($"{tenant.Id}/client/api-interop");
            var keyPath = Path.Combine(keysDirectory, $"{tenant.Id}.pem");
            using var key = LoadOrCreate(keyPath);

            sandbox.Pdnd.RegisterClient(client, PdndClientKind.EService, organization);
            var kid = sandbox.Pdnd.RegisterKey(client, key);
            sandbox.Pdnd.RegisterClient(apiInterop, PdndClientKind.ApiInterop, organization);
            sandbox.Pdnd.RegisterKey(apiInterop, key);

            var purposes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (code, audience) in anpr)
            {
                var purpose = StableGuid($"{tenant.Id}/purpose/anpr-{code}");
                sandbox.Pdnd.RegisterPurpose(purpose, client, StableGuid($"anpr/{code}"), audience);
                purposes[$"anpr-{code.ToLowerInvariant()}"] = purpose.ToString();
            }

            provisioned.Add(tenant with
            {
                Pdnd = new TenantPdndSettings
                {
                    ClientId = client.ToString(),
                    ApiInteropClientId = apiInterop.ToString(),
                    Keys = [new PdndKeySettings { Kid = kid, PrivateKey = new SecretReference { File = keyPath }, Active = true }],
                    Purposes = purposes,
                },
            });
        }

        // Shared sandboxes are seeded by no instance, so a second instance's start does not repeat the signals.
        for (var i = 1; sandbox.Host is not null && i <= 3; i++)
        {
            sandbox.Pdnd.SeedSignal(SignalEServiceId, $"demo-subject-{i}", "residenza");
        }

        return provisioned;
    }

    private static RSA LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            PdndKeyTool.Generate(path);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return rsa;
    }

    /// <summary>The same id for the same name on every start, so checkpoints and purposes survive restarts.</summary>
    private static Guid StableGuid(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("interophub-sandbox/" + name)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
