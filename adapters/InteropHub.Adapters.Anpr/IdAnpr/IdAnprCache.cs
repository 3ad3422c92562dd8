using System.Collections.Concurrent;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Anpr.IdAnpr;

/// <summary>
/// Fiscal code → idANPR per tenant, in memory, for <see cref="IdAnprCacheOptions.Ttl"/>. One dictionary per tenant:
/// what a tenant learnt through its own purpose is never served to another. Beyond
/// <see cref="IdAnprCacheOptions.MaxEntriesPerTenant"/> the expired entries go, then those closest to expiry.
/// </summary>
internal sealed class IdAnprCache(IOptions<AnprOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<TenantId, ConcurrentDictionary<string, Entry>> _tenants = new();

    public bool TryGet(TenantId tenant, FiscalCode fiscalCode, out string idAnpr)
    {
        idAnpr = "";
        if (!_tenants.TryGetValue(tenant, out var entries) || !entries.TryGetValue(fiscalCode.Value, out var entry))
        {
            return false;
        }

        if (entry.ExpiresAt <= time.GetUtcNow())
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(fiscalCode.Value, entry));
            return false;
        }

        idAnpr = entry.IdAnpr;
        return true;
    }

    public void Set(TenantId tenant, FiscalCode fiscalCode, string idAnpr)
    {
        var settings = options.Value.IdAnprCache;
        var now = time.GetUtcNow();
        var entries = _tenants.GetOrAdd(tenant, _ => new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
        if (entries.Count >= settings.MaxEntriesPerTenant && !entries.ContainsKey(fiscalCode.Value))
        {
            MakeRoom(entries, settings.MaxEntriesPerTenant, now);
        }

        entries[fiscalCode.Value] = new Entry(idAnpr, now + settings.Ttl);
    }

    public void Remove(TenantId tenant, FiscalCode fiscalCode)
    {
        if (_tenants.TryGetValue(tenant, out var entries))
        {
            entries.TryRemove(fiscalCode.Value, out _);
        }
    }

    // Frees a tenth of the room at once, so a full cache does not sort on every insert.
    private static void MakeRoom(ConcurrentDictionary<string, Entry> entries, int max, DateTimeOffset now)
    {
        foreach (var expired in entries.Where(e => e.Value.ExpiresAt <= now).ToList())
        {
            entries.TryRemove(expired);
        }

        var excess = entries.Count - (max - Math.Max(1, max / 10));
        foreach (var oldest in entries.OrderBy(e => e.Value.ExpiresAt).Take(Math.Max(0, excess)).ToList())
        {
            entries.TryRemove(oldest);
        }
    }

    private sealed record Entry(string IdAnpr, DateTimeOffset ExpiresAt);
}
