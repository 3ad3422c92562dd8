namespace InteropHub.Contracts.Pdnd;

/// <summary>
/// The AgID ModI security patterns an e-service requires (Linee guida interoperabilità, Allegato 2), combined as flags.
/// In configuration they are written with their official names (<c>ID_AUTH_REST_01</c>, …).
/// </summary>
[Flags]
public enum ModiPatterns
{
    /// <summary>No pattern.</summary>
    None = 0,

    /// <summary>ID_AUTH_REST_01 through PDND: <c>Authorization: Bearer &lt;voucher&gt;</c>.</summary>
    IdAuthRest01 = 1,

    /// <summary>ID_AUTH_REST_02 through PDND: same header as ID_AUTH_REST_01.</summary>
    IdAuthRest02 = 2,

    /// <summary>INTEGRITY_REST_01: <c>Digest</c> and <c>Agid-JWT-Signature</c>.</summary>
    IntegrityRest01 = 4,

    /// <summary>INTEGRITY_REST_02: <c>Digest</c> and <c>Agid-JWT-Signature</c> signed with the PDND client key (<c>kid</c>).</summary>
    IntegrityRest02 = 8,

    /// <summary>AUDIT_REST_01: <c>Agid-JWT-TrackingEvidence</c>.</summary>
    AuditRest01 = 16,

    /// <summary>AUDIT_REST_02: <c>Agid-JWT-TrackingEvidence</c>, its SHA-256 bound into the voucher's <c>digest</c>.</summary>
    AuditRest02 = 32,
}
