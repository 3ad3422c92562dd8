using InteropHub.Adapters.Anpr.E002;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Anpr.Calls;

/// <summary>One logical call to an ANPR e-service: which service, for whom, about whom, at which date.</summary>
/// <param name="Service">The service code, sent as <c>casoUso</c>.</param>
/// <param name="Caller">The tenant, operator (<c>userID</c>) and reason (<c>motivoRichiesta</c>).</param>
/// <param name="ReferenceDate">Sent as <c>dataRiferimentoRichiesta</c>.</param>
/// <param name="Criteria">Fiscal code (C030) or idANPR (every other service).</param>
/// <param name="Verification">The declared data, for verification services.</param>
internal sealed record AnprCall(
    string Service,
    CallerContext Caller,
    DateOnly ReferenceDate,
    TipoCriteriRicercaE002 Criteria,
    TipoVerificaE002? Verification = null);
