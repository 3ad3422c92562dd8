using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Payments;
using InteropHub.Core.Payments;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Payments;

/// <summary>
/// Pushes the pending payments of sealed batches to pagoPA, <see cref="IPaymentGateway.MaxBulk"/> at a time with bulk
/// calls (the GPD client paces them at the upstream limit), recording every item's outcome in one transaction per
/// call. A crash or a stop between a call and its record is safe: the next run sends the same iupds again and pagoPA
/// answers "already there". An unavailable pagoPA is tried again after a pause, a few times; then the run ends and the
/// batch resumes on the next.
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
        var unavailableInARow = 0;
        while (await batches.NextToPushAsync(IPaymentGateway.MaxBulk, cancellationToken) is { Count: > 0 } next)
        {
            var tenantId = next[0].Tenant;
            var tenant = creation.Tenant(tenantId);
            IReadOnlyList<BulkCreateOutcome> outcomes;
            try
            {
                calls++;
                outcomes = await gateway.CreateManyAsync(tenantId, [.. next.Select(p => PaymentPositions.For(p, tenant))], cancellationToken);
            }
            catch (HubProblemException unavailable) when (unavailable.Code != ErrorCodes.UpstreamRejected)
            {
                LogUnavailable(logger, unavailable.Code);
                if (++unavailableInARow > UnavailableRetries)
                {
                    return Outcome(created, refused, calls, interrupted: true);
                }

                await Task.Delay(options.Value.UnavailablePause, time, cancellationToken);
                continue;
            }

            unavailableInARow = 0;

            var recorded = next.Zip(outcomes, (payment, outcome) => new PaymentOutcome(payment.Id, outcome.Position, outcome.Refusal)).ToList();
            await store.RecordOutcomesAsync(tenantId, recorded, cancellationToken);
            created += recorded.Count(r => r.Position is not null);
            refused += recorded.Count(r => r.Refusal is not null);
        }

        return Outcome(created, refused, calls, interrupted: false);
    }

    private static JobOutcome Outcome(long created, long refused, long calls, bool interrupted) => JobOutcome.Of(
        $"{created} batch payment(s) created on pagoPA, {refused} refused, in {calls} bulk call(s){(interrupted ? "; pagoPA unavailable, the rest waits for the next run" : "")}.",
        ("created", created), ("refused", refused), ("calls", calls));

    [LoggerMessage(Level = LogLevel.Warning, Message = "pagoPA is unavailable ({Code}); the batch call will be tried again")]
    private static partial void LogUnavailable(ILogger logger, string code);
}
