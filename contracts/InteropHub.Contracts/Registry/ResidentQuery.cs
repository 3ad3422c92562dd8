using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Registry;

/// <summary>A question about one resident.</summary>
/// <param name="Caller">
/// Who asks: the tenant, the request id, the operator (ANPR's tracking <c>userID</c>) and the reason (ANPR's
/// <c>motivoRichiesta</c>); operator and reason are required.
/// </param>
/// <param name="FiscalCode">The resident's codice fiscale, parsed at the edge.</param>
/// <param name="At">The date the answer must describe (ANPR's <c>dataRiferimentoRichiesta</c>); null for today in Europe/Rome. Not in the future.</param>
public sealed record ResidentQuery(CallerContext Caller, FiscalCode FiscalCode, DateOnly? At = null);
