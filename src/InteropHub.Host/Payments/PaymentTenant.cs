using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;

namespace InteropHub.Host.Payments;

/// <summary>What the payment endpoints and jobs need of a tenant's settings: the comune as creditor and its segregation code.</summary>
internal static class PaymentTenant
{
    public static TenantSettings Settings(ITenantDirectory tenants, TenantId id) =>
        tenants.Find(id) ?? throw new InvalidOperationException($"Tenant {id} is not served by this hub.");

    public static OrganizationFiscalCode Creditor(TenantSettings tenant) => OrganizationFiscalCode.Parse(tenant.FiscalCode);

    /// <summary>The tenant's segregation code; a tenant without one cannot create notices.</summary>
    public static string SegregationCode(TenantSettings tenant) =>
        tenant.PagoPa.SegregationCode ?? throw new HubProblemException(409, ErrorCodes.Conflict, "Tenant not set up for pagoPA",
            "This comune has no pagoPA segregation code configured (Hub:Tenants … PagoPa:SegregationCode); no notice number can be made.");
}
