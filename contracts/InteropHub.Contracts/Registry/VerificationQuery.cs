using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Registry;

/// <summary>A yes/no check about one resident.</summary>
/// <param name="Caller">Who asks (operator and reason required), as in <see cref="ResidentQuery"/>.</param>
/// <param name="FiscalCode">The resident's codice fiscale, parsed at the edge.</param>
/// <param name="Check">What to verify.</param>
/// <param name="At">The date the check refers to; null for today in Europe/Rome. Not in the future.</param>
public sealed record VerificationQuery(CallerContext Caller, FiscalCode FiscalCode, ResidentCheck Check, DateOnly? At = null);
