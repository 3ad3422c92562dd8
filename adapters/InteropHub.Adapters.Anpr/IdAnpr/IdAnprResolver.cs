using System.Collections.Concurrent;
using InteropHub.Adapters.Anpr.Calls;
using InteropHub.Adapters.Anpr.Configuration;
using InteropHub.Adapters.Anpr.E002;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;

namespace InteropHub.Adapters.Anpr.IdAnpr;

/// <summary>
/// The idANPR of a fiscal code, from the tenant's cache or from C030 (the integrators' recommended first step:
/// every other service is then searched by idANPR, which avoids the EN148 warning; docs/platforms/anpr.md §1.2). Concurrent reads
/// of one uncached resident share one C030 call, as a cache hit would: each call spends a unit of the daily quota.
/// </summary>
internal sealed class IdAnprResolver(AnprServiceCaller caller, IdAnprCache cache)
{
    private readonly ConcurrentDictionary<(TenantId, string), Task<(string IdAnpr, AnprAnswer Lookup)>> _lookups = new();

    /// <summary>The idANPR, and C030's answer when this read asked it.</summary>
    public async Task<(string IdAnpr, AnprAnswer? Lookup)> ResolveAsync(CallerContext who, FiscalCode fiscalCode, DateOnly referenceDate, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (cache.TryGet(who.Tenant, fiscalCode, out var cached))
            {
                return (cached, null);
            }

            var key = (who.Tenant, fiscalCode.Value);
            var mine = new TaskCompletionSource<(string, AnprAnswer)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var lookup = _lookups.GetOrAdd(key, mine.Task);
            if (lookup != mine.Task)
            {
                try
                {
                    return ((await lookup.WaitAsync(cancellationToken).ConfigureAwait(false)).IdAnpr, null);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The read that asked was cancelled, not this one: ask again.
                    continue;
                }
            }

            try
            {
                var found = await LookUpAsync(who, fiscalCode, referenceDate, cancellationToken).ConfigureAwait(false);
                mine.SetResult(found);
                return found;
            }
            catch (OperationCanceledException)
            {
                mine.SetCanceled(CancellationToken.None);
                throw;
            }
            catch (Exception e)
            {
                mine.SetException(e);
                _ = mine.Task.Exception; // observed, so a lookup no read joined raises no unobserved-task event
                throw;
            }
            finally
            {
                _lookups.TryRemove(new KeyValuePair<(TenantId, string), Task<(string, AnprAnswer)>>(key, mine.Task));
            }
        }
    }

    /// <summary>Drops the cached idANPR after ANPR said the resident is gone (EN122 by idANPR).</summary>
    public void Forget(TenantId tenant, FiscalCode fiscalCode) => cache.Remove(tenant, fiscalCode);

    private async Task<(string IdAnpr, AnprAnswer Lookup)> LookUpAsync(CallerContext who, FiscalCode fiscalCode, DateOnly referenceDate, CancellationToken cancellationToken)
    {
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
}
