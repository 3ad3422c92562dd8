using InteropHub.Contracts.Jobs;
using InteropHub.Core.Payments;
using InteropHub.Host.Payments;

namespace InteropHub.Host.Reconciliation;

/// <summary>
/// Moves payable payments whose policy is <c>expire-at-due</c> to <c>expired</c> once their last notice's due day has
/// passed in Italy (GPD does the same with <c>switchToExpired</c>), with a <c>payment.expired</c> event each.
/// </summary>
internal sealed class PaymentExpiryJob(IPaymentStore payments, TimeProvider time) : IHubJob
{
    public const string Name = "payments.expiry";

    public static JobDeclaration Declaration(IConfiguration configuration) => new()
    {
        Name = Name,
        JobType = typeof(PaymentExpiryJob),
        Cron = configuration["Hub:Jobs:PaymentExpiry:Cron"] ?? "0 10 0 * * ?",
        Description = "Expires the payments past their due date whose policy is expire-at-due.",
        Misfire = MisfirePolicy.FireOnceNow,
    };

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        var expired = await payments.ExpireDueAsync(PaymentPositions.Today(time), cancellationToken);
        return JobOutcome.Of($"{expired} payment(s) expired.", ("expired", expired));
    }
}
