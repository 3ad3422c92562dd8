using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.PagoPa.Tests.TestSupport;

/// <summary>The one comune the GPD client tests serve: Bari, whose GPD key is an environment reference resolved to <see cref="Key"/>.</summary>
internal sealed class BariTenant : ITenantDirectory, ISecretResolver
{
    public const string Organization = "80015010723";
    public const string Key = "subscription-key-of-bari";
    public static readonly TenantId Id = TenantId.Parse("bari");

    private readonly TenantSettings _bari = new()
    {
        Id = "bari",
        Name = "Comune di Bari",
        FiscalCode = Organization,
        PagoPa = new TenantPagoPaSettings { GpdSubscriptionKey = new SecretReference { Env = "GPD_KEY_BARI" } },
    };

    public IReadOnlyList<TenantSettings> All => [_bari];

    public TenantSettings? Find(TenantId id) => id == Id ? _bari : null;

    public string Resolve(SecretReference reference) => reference.Env == "GPD_KEY_BARI" ? Key : throw new InvalidOperationException("unknown secret");
}
