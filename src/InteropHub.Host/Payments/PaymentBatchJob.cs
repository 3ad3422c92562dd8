using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Payments;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Payments;

/// <summary>
/// Pushes the pending payments of sealed batches to pagoPA, <see cref="IPaymentGateway.MaxBulk"/> at a time with bulk
/// calls (the GPD client paces them at the upstream limit), recording every item's outcome in one transaction per
/// call. A crash or a stop between a call and its record is safe: the next run sends the same iupds again and pagoPA
/// answers "already there". Tenants take turns; a tenant for which pagoPA is unavailable is tried again after a pause,
/// a few times, then left for the next run while the other tenants' batches go on.
/// </summary>
internal sealed partial class PaymentBatchJob(
    IPaymentBatchStore batches, IPaymentStore store, IPaymentGateway gateway, PaymentCreation creation, IOptions<PaymentOptions> options,
    TimeProvider time, ILogger<PaymentBatchJob> logger) : IHubJob
{
    public const string Name = "payments.batches";
    private const int UnavailableRetries = 3;

    public static JobDeclaration Declaration(IConfiguration configuration) => new()
    {
        Name = Name,
        JobType = typeof(PaymentBatchJob),
        // Also started at once by every sealed upload and at start-up when work is pending.
        Cron = configuration["Hub:Jobs:PaymentBatches:Cron"] ?? "45 * * * * ?",
        Description = "Pushes the payments of uploaded batches to pagoPA with bulk calls.",
        Misfire = MisfirePolicy.Skip,
    };

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        long created = 0, refused = 0, calls = 0;
        var failures = new Dictionary<TenantId, int>();
        var unavailable = new HashSet<TenantId>();

        // Round-robin over tenants (each has its own key and limit), so one comune's 100,000 items never hold another's
        // ten back, and a comune whose pagoPA calls keep failing is left for the next run while the others go on.
        var served = new HashSet<TenantId>();
        while (true)
        {
            var next = await batches.NextToPushAsync(IPaymentGateway.MaxBulk, [.. unavailable, .. served], cancellationToken);
            if (next.Count == 0)
            {
                if (served.Count == 0)
                {
                    break;
                }

                served.Clear();
                continue;
            }

            var tenantId = next[0].Tenant;
            served.Add(tenantId);
            var tenant = creation.Tenant(tenantId);
            IReadOnlyList<BulkCreateOutcome> outcomes;
            try
            {
                calls++;
                outcomes = await gateway.CreateManyAsync(tenantId, [.. next.Select(p => PaymentPositions.For(p, tenant))], cancellationToken);
            }
            catch (HubProblemException problem) when (problem.Code != ErrorCodes.UpstreamRejected)
            {
                LogUnavailable(logger, tenantId.Value, problem.Code);
                failures[tenantId] = failures.GetValueOrDefault(tenantId) + 1;
                if (failures[tenantId] > UnavailableRetries)
                {
                    unavailable.Add(tenantId);
                }
                else
                {
                    await Task.Delay(options.Value.UnavailablePause, time, cancellationToken);
                }

                continue;
            }

            failures.Remove(tenantId);
            var recorded = next.Zip(outcomes, (payment, outcome) => new PaymentOutcome(payment.Id, outcome.Position, outcome.Refusal)).ToList();
            await store.RecordOutcomesAsync(tenantId, recorded, cancellationToken);
            created += recorded.Count(r => r.Position is not null);
            refused += recorded.Count(r => r.Refusal is not null);
        }

        return Outcome(created, refused, calls, unavailable);
    }

    private static JobOutcome Outcome(long created, long refused, long calls, HashSet<TenantId> unavailable) => JobOutcome.Of(
        $"{created} batch payment(s) created on pagoPA, {refused} refused, in {calls} bulk call(s)"
            + (unavailable.Count > 0 ? $"; pagoPA unavailable for {string.Join(", ", unavailable.Order())}, their items wait for the next run." : "."),
        ("created", created), ("refused", refused), ("calls", calls), ("unavailableTenants", unavailable.Count));

    [LoggerMessage(Level = LogLevel.Warning, Message = "pagoPA is unavailable for tenant {Tenant} ({Code}); its batch call will be tried again")]
    private static partial void LogUnavailable(ILogger logger, string tenant, string code);
}
