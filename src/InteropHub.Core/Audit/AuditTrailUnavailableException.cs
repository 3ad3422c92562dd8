namespace InteropHub.Core.Audit;

/// <summary>There is no audit trail to verify where the configuration points: no database file, or one without the audit table.</summary>
public sealed class AuditTrailUnavailableException(string message) : Exception(message);
