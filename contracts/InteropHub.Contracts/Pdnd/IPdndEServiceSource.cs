namespace InteropHub.Contracts.Pdnd;

/// <summary>
/// The PDND e-services an adapter calls, as configured, for the checks that span adapters: <c>interophub doctor</c>
/// compares each audience with the known mistakes and with the <c>aud</c> of the voucher PDND issues for the tenant's
/// purpose. Every adapter that calls e-services through PDND registers one; the PDND adapter reads them all without
/// referencing the others.
/// </summary>
public interface IPdndEServiceSource
{
    /// <summary>The enabled e-services, in a stable order.</summary>
    IReadOnlyList<PdndEServiceDeclaration> EnabledEServices();
}

/// <summary>One e-service an adapter calls through PDND, as configured.</summary>
/// <param name="EServiceKey">The key of the tenant's purpose for it (<c>Pdnd:Purposes:&lt;key&gt;</c>), e.g. <c>anpr-c020</c>.</param>
/// <param name="Audience">The configured ModI audience, or null when the setting is missing.</param>
/// <param name="AudienceSetting">The setting's full path, named in every verdict, e.g. <c>Adapters:Anpr:EServices:C020:Audience</c>.</param>
/// <param name="Operations">The operations' path segments (e.g. <c>anpr-service-e002</c>, <c>status</c>), never part of an audience.</param>
public sealed record PdndEServiceDeclaration(string EServiceKey, string? Audience, string AudienceSetting, IReadOnlyList<string> Operations);
