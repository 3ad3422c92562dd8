namespace InteropHub.Contracts.Tenancy;

/// <summary>
/// Who is asking, passed explicitly through the ports (never ambient state): the tenant, the operator and the
/// reason they gave, and the request id that ties logs, audit and upstream calls together.
/// </summary>
public sealed record CallerContext(TenantId Tenant, string RequestId, string? OperatorId = null, string? Reason = null);
