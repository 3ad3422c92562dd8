using System.Security.Cryptography;
using System.Text;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Host.Sandbox;

/// <summary>The two comuni sandbox mode serves, with their well-known API keys and every scope.</summary>
internal static class DemoTenants
{
    public const string KeyA = "sandbox-key-a";
    public const string KeyB = "sandbox-key-b";

    public static IReadOnlyList<TenantSettings> All { get; } =
    [
        Create("demo-a", "Comune Demo A (sandbox)", "80015010723", KeyA, "01", "IT60X0542811101000000123456"),
        Create("demo-b", "Comune Demo B (sandbox)", "00306180720", KeyB, "02", "IT57X0306909606100000000001"),
    ];

    private static TenantSettings Create(string id, string name, string fiscalCode, string apiKey, string segregationCode, string iban) => new()
    {
        Id = id,
        Name = name,
        FiscalCode = fiscalCode,
        Scopes = Scopes.All,
        // Declared by hash in configuration, not stored in the database: the keys stop working the moment sandbox mode is off.
        ApiKeys = [new ApiKeySettings { Sha256 = Sha256Hex(apiKey), Scopes = Scopes.All, Label = "sandbox demo key" }],
        PagoPa = new TenantPagoPaSettings { SegregationCode = segregationCode, Ibans = [iban] },
    };

    private static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
