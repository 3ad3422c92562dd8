namespace InteropHub.Adapters.Pdnd.Configuration;

/// <summary>Lifetimes of the ModI tokens the hub signs (<c>Adapters:Pdnd:Modi</c>).</summary>
public sealed class ModiOptions
{
    /// <summary>
    /// Lifetime of each <c>Agid-JWT-Signature</c> (INTEGRITY_REST_01/02), signed anew for every attempt.
    /// Default 00:01:00.
    /// </summary>
    public TimeSpan SignatureLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Lifetime of an <c>Agid-JWT-TrackingEvidence</c> (AUDIT_REST_01/02). One evidence is reused for the calls of
    /// one (tenant, purpose, operator, location, LoA) while it is valid, so with AUDIT_REST_02 one voucher serves
    /// them all. Default 00:05:00, the oldest <c>iat</c> GovWay producers accept by default.
    /// </summary>
    public TimeSpan TrackingEvidenceLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
