using System.Buffers.Text;
using System.Security.Cryptography;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.ApiKeys;

internal sealed class ApiKeyStore(IDbContextFactory<HubDbContext> dbFactory, ITenantDirectory tenants, TimeProvider time) : IApiKeyStore
{
    private const string KeyPrefix = "ihk_";

    public async Task<ApiKeyMatch?> FindAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return null;
        }

        var presented = ApiKeyHash.Compute(presentedKey);
        return FindConfigured(presented) ?? await FindIssuedAsync(presented, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IssuedApiKey> CreateAsync(TenantId tenant, IReadOnlyList<string> scopes, string? label, CancellationToken cancellationToken)
    {
        EnsureGranted(tenant, scopes);
        var plaintext = KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var row = NewRow(tenant, ApiKeyHash.ComputeHex(plaintext), scopes, label);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new IssuedApiKey(row.Id, tenant, [.. scopes], plaintext);
    }

    public async Task EnsureAsync(TenantId tenant, string plaintextKey, IReadOnlyList<string> scopes, string? label, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(plaintextKey);
        EnsureGranted(tenant, scopes);
        var hash = ApiKeyHash.ComputeHex(plaintextKey);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (await db.ApiKeys.AnyAsync(k => k.KeyHash == hash, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            db.ApiKeys.Add(NewRow(tenant, hash, scopes, label));
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Another instance stored the same key first: that is the state we wanted.
            }
        }
    }

    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = StoredInstant.Now(time);
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var revoked = await db.ApiKeys
                .Where(k => k.Id == keyId && k.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken)
                .ConfigureAwait(false);
            return revoked > 0;
        }
    }

    private ApiKeyMatch? FindConfigured(byte[] presented)
    {
        foreach (var tenant in tenants.All)
        {
            for (var i = 0; i < tenant.ApiKeys.Count; i++)
            {
                var declared = ApiKeyHash.TryParseHex(tenant.ApiKeys[i].Sha256);
                if (declared is not null && CryptographicOperations.FixedTimeEquals(declared, presented)
                    && TenantId.TryParse(tenant.Id, out var id))
                {
                    return new ApiKeyMatch($"config:{tenant.Id}:{i}", id, tenant.ApiKeys[i].Scopes);
                }
            }
        }

        return null;
    }

    private async Task<ApiKeyMatch?> FindIssuedAsync(byte[] presented, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(presented);
        ApiKeyRow? row;
        var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash, cancellationToken).ConfigureAwait(false);
        }

        if (row is null || row.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(row.KeyHash), presented)
            || !TenantId.TryParse(row.Tenant, out var tenant)
            || tenants.Find(tenant) is not { } settings)
        {
            return null;
        }

        // A key never carries more than its tenant is configured for today.
        var scopes = row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => settings.Scopes.Contains(s, StringComparer.Ordinal))
            .ToList();
        return new ApiKeyMatch(row.Id, tenant, scopes);
    }

    private void EnsureGranted(TenantId tenant, IReadOnlyList<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var settings = tenants.Find(tenant)
            ?? throw new ArgumentException($"Tenant '{tenant}' is not configured.", nameof(tenant));
        var refused = scopes.Where(s => !settings.Scopes.Contains(s, StringComparer.Ordinal)).ToList();
        if (refused.Count > 0)
        {
            throw new ArgumentException($"Tenant '{tenant}' is not granted the scopes: {string.Join(", ", refused)}.", nameof(scopes));
        }
    }

    private ApiKeyRow NewRow(TenantId tenant, string hash, IReadOnlyList<string> scopes, string? label)
    {
        var now = StoredInstant.Now(time);
        return new ApiKeyRow
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Tenant = tenant.Value,
            KeyHash = hash,
            Scopes = string.Join(' ', scopes),
            Label = label,
            CreatedAt = now,
        };
    }
}
