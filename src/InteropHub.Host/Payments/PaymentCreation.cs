using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Payments;

namespace InteropHub.Host.Payments;

/// <summary>
/// Takes a stored pending payment to pagoPA and records what came of it. The payment was committed before pagoPA was
/// asked, and pagoPA's create is exactly once per iupd, so this may run any number of times — by the request, its
/// retry, or the recovery pass after a crash — and still yields one position.
/// </summary>
internal sealed class PaymentCreation(IPaymentStore store, IPaymentGateway gateway, ITenantDirectory tenants)
{
    /// <summary>
    /// The payment as stored afterwards: payable (or whatever pagoPA says), failed when pagoPA refused it, or still
    /// pending with the problem when pagoPA could not be reached.
    /// </summary>
    public async Task<(PaymentRecord Payment, HubProblemException? Unavailable)> CompleteAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Status != PaymentStatus.Pending)
        {
            return (payment, null);
        }

        var tenant = Tenant(payment.Tenant);
        PaymentOutcome outcome;
        try
        {
            var position = await gateway.CreateAsync(payment.Tenant, PaymentPositions.For(payment, tenant), cancellationToken);
            outcome = new PaymentOutcome(payment.Id, position, null);
        }
        catch (HubProblemException refused) when (refused.Code == ErrorCodes.UpstreamRejected)
        {
            outcome = new PaymentOutcome(payment.Id, null, Refusal(refused));
        }
        catch (HubProblemException unavailable)
        {
            return (payment, unavailable);
        }

        var recorded = await store.RecordOutcomesAsync(payment.Tenant, [outcome], cancellationToken);
        return (recorded.Count == 1 ? recorded[0] : payment, null);
    }

    public TenantSettings Tenant(TenantId id) => PaymentTenant.Settings(tenants, id);

    public static PaymentRefusal Refusal(HubProblemException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new PaymentRefusal(refused.Code, refused.Extensions.TryGetValue("gpd_title", out var title) ? title as string : null, refused.Message);
    }
}
