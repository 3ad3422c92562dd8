namespace InteropHub.Contracts.Pdnd;

/// <summary>
/// How to call one PDND e-service: its key in the hub (the key of the tenant's purpose in
/// <see cref="Tenancy.TenantPdndSettings.Purposes"/>), the ModI audience the producer expects in
/// <c>aud</c> (a configuration value of its own, not the base URL) and the patterns it requires.
/// </summary>
/// <param name="EServiceKey">The e-service's key in the hub, e.g. <c>anpr-c030</c>.</param>
/// <param name="Audience">The producer's ModI audience, exactly as published in the PDND catalogue.</param>
/// <param name="Patterns">The ModI patterns applied to every request.</param>
public sealed record ModiEServiceProfile(string EServiceKey, string Audience, ModiPatterns Patterns);
