using InteropHub.Adapters.Anpr.Calls;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Adapters.Anpr.E002;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;

namespace InteropHub.Adapters.Anpr.IdAnpr;

/// <summary>
/// The idANPR of a fiscal code, from the tenant's cache or from C030 (the integrators' recommended first step:
/// every other service is then searched by idANPR, which avoids the EN148 warning; anpr.md §1.2).
/// </summary>
internal sealed class IdAnprResolver(AnprServiceCaller caller, IdAnprCache cache)
{
    /// <summary>The idANPR, and C030's answer when it had to be asked.</summary>
    public async Task<(string IdAnpr, AnprAnswer? Lookup)> ResolveAsync(CallerContext who, FiscalCode fiscalCode, DateOnly referenceDate, CancellationToken cancellationToken)
    {
        if (cache.TryGet(who.Tenant, fiscalCode, out var cached))
        {
            return (cached, null);
        }

        var answer = await caller.CallAsync(
            new AnprCall(AnprServiceCatalog.IdAnpr, who, referenceDate, new TipoCriteriRicercaE002 { CodiceFiscale = fiscalCode.Value }),
            cancellationToken).ConfigureAwait(false);
        if (answer.Body.Soggetti.Count == 0)
        {
            throw AnprFailures.NotFound(answer.Service, null, answer.Operation.ClientOperationId, answer.Operation.AnprOperationId);
        }

        var idAnpr = answer.Body.Soggetti.Select(s => s.Identificativi?.IdAnpr?.Trim()).FirstOrDefault(id => !string.IsNullOrEmpty(id))
            ?? throw AnprFailures.Unreadable(answer.Service, "without an idANPR", answer.Operation.ClientOperationId, answer.Operation.AnprOperationId);
        cache.Set(who.Tenant, fiscalCode, idAnpr);
        return (idAnpr, answer);
    }

    /// <summary>Drops the cached idANPR after ANPR said the resident is gone (EN122 by idANPR).</summary>
    public void Forget(TenantId tenant, FiscalCode fiscalCode) => cache.Remove(tenant, fiscalCode);
}
