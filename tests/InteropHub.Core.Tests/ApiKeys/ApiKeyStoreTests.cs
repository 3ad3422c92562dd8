using System.Security.Cryptography;
using System.Text;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.ApiKeys;
using InteropHub.Core.Persistence;
using InteropHub.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Tests.ApiKeys;

public class ApiKeyStoreTests : HubDatabaseTest
{
    private const string ConfiguredKey = "configured-key-of-b";

    protected override IReadOnlyList<TenantSettings> Tenants =>
    [
        TestTenants.A,
        TestTenants.B with
        {
            ApiKeys = [new ApiKeySettings { Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ConfiguredKey))), Scopes = [Scopes.PaymentsRead] }],
        },
    ];

    private IApiKeyStore Store => Db.Get<IApiKeyStore>();

    [Fact]
    public async Task A_created_key_matches_its_tenant_and_scopes()
    {
        var issued = await Store.CreateAsync(TestTenants.AId, [Scopes.PaymentsRead, Scopes.PaymentsWrite], "portal", Ct);

        var match = await Store.FindAsync(issued.Plaintext, Ct);

        Assert.StartsWith("ihk_", issued.Plaintext, StringComparison.Ordinal);
        Assert.Equal(47, issued.Plaintext.Length);
        Assert.NotNull(match);
        Assert.Equal(issued.KeyId, match.KeyId);
        Assert.Equal(TestTenants.AId, match.Tenant);
        Assert.Equal([Scopes.PaymentsRead, Scopes.PaymentsWrite], match.Scopes);
    }

    [Fact]
    public async Task A_wrong_key_does_not_match()
    {
        var issued = await Store.CreateAsync(TestTenants.AId, [Scopes.PaymentsRead], null, Ct);

        Assert.Null(await Store.FindAsync(issued.Plaintext + "x", Ct));
        Assert.Null(await Store.FindAsync("", Ct));
    }

    [Fact]
    public async Task Only_the_sha256_of_a_created_key_is_stored()
    {
        var issued = await Store.CreateAsync(TestTenants.AId, [Scopes.PaymentsRead], null, Ct);

        await using var db = Db.CreateDbContext();
        var row = await db.ApiKeys.SingleAsync(Ct);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Plaintext))), row.KeyHash);
        Assert.DoesNotContain(issued.Plaintext, $"{row.Id}|{row.Scopes}|{row.Label}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_declared_by_hash_in_tenant_configuration_matches()
    {
        var match = await Store.FindAsync(ConfiguredKey, Ct);

        Assert.NotNull(match);
        Assert.Equal(TestTenants.BId, match.Tenant);
        Assert.Equal([Scopes.PaymentsRead], match.Scopes);
    }

    [Fact]
    public async Task A_revoked_key_does_not_match()
    {
        var issued = await Store.CreateAsync(TestTenants.AId, [Scopes.PaymentsRead], null, Ct);

        Assert.True(await Store.RevokeAsync(issued.KeyId, Ct));

        Assert.Null(await Store.FindAsync(issued.Plaintext, Ct));
        Assert.False(await Store.RevokeAsync(issued.KeyId, Ct));
    }

    [Fact]
    public async Task A_key_of_a_tenant_no_longer_configured_does_not_match()
    {
        var issued = await Store.CreateAsync(TestTenants.AId, [Scopes.PaymentsRead], null, Ct);
        var withoutA = new ApiKeyStore(Db.Get<IDbContextFactory<HubDbContext>>(), new TenantDirectory([TestTenants.B]), Db.Time);

        Assert.Null(await withoutA.FindAsync(issued.Plaintext, Ct));
    }

    [Fact]
    public async Task A_key_carries_only_the_scopes_its_tenant_still_has()
    {
        var issued = await Store.CreateAsync(TestTenants.AId, [Scopes.PaymentsRead, Scopes.PaymentsWrite], null, Ct);
        var narrowed = new ApiKeyStore(
            Db.Get<IDbContextFactory<HubDbContext>>(),
            new TenantDirectory([TestTenants.A with { Scopes = [Scopes.PaymentsRead] }]),
            Db.Time);

        var match = await narrowed.FindAsync(issued.Plaintext, Ct);

        Assert.Equal([Scopes.PaymentsRead], match?.Scopes);
    }

    [Fact]
    public async Task Ensure_stores_a_known_key_once()
    {
        await Store.EnsureAsync(TestTenants.AId, "sandbox-key-a", [Scopes.RegistryRead], "demo", Ct);
        await Store.EnsureAsync(TestTenants.AId, "sandbox-key-a", [Scopes.RegistryRead], "demo", Ct);

        await using var db = Db.CreateDbContext();
        Assert.Equal(1, await db.ApiKeys.CountAsync(Ct));
        Assert.Equal(TestTenants.AId, (await Store.FindAsync("sandbox-key-a", Ct))?.Tenant);
    }

    [Fact]
    public async Task A_key_cannot_carry_a_scope_its_tenant_lacks()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(TestTenants.BId, [Scopes.Admin], null, Ct));

        Assert.Contains(Scopes.Admin, error.Message, StringComparison.Ordinal);
    }
}
