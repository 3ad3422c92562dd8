using InteropHub.Contracts.Jobs;
using InteropHub.Core.Payments;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Payments;

/// <summary>
/// Completes the creations left pending: a request that died between pagoPA's answer and the hub's commit, or one
/// answered 202 because pagoPA could not be reached. Each is created again under its own iupd — pagoPA answers
/// "already there" for one it made — so no payment ever gets two positions. Runs at start-up when work is pending,
/// then on its cron; stops at the first sign that pagoPA is still unavailable.
/// </summary>
internal sealed partial class PaymentRecoveryJob(
    IPaymentStore store, PaymentCreation creation, IOptions<PaymentOptions> options, TimeProvider time, ILogger<PaymentRecoveryJob> logger) : IHubJob
{
    public const string Name = "payments.recovery";
    private const int Round = 50;

    public static JobDeclaration Declaration(IConfiguration configuration) => new()
    {
        Name = Name,
        JobType = typeof(PaymentRecoveryJob),
        Cron = configuration["Hub:Jobs:PaymentsRecovery:Cron"] ?? "15 * * * * ?",
        Description = "Completes payment creations left pending by a crash or an unreachable pagoPA.",
        Misfire = MisfirePolicy.Skip,
    };

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.RecoveryGrace;
        var seen = new HashSet<Guid>();
        long completed = 0, failed = 0;
        while (true)
        {
            var pending = (await store.PendingCreationsAsync(before, Round + seen.Count, cancellationToken)).Where(p => seen.Add(p.Id)).ToList();
            if (pending.Count == 0)
            {
                break;
            }

            foreach (var payment in pending)
            {
                var (done, unavailable) = await creation.CompleteAsync(payment, cancellationToken);
                if (unavailable is not null)
                {
                    LogStillUnavailable(logger, unavailable.Code);
                    return Outcome(completed, failed, left: true);
                }

                if (done.Status == PaymentStatus.Failed)
                {
                    failed++;
                }
                else
                {
                    completed++;
                }
            }
        }

        return Outcome(completed, failed, left: false);
    }

    private static JobOutcome Outcome(long completed, long failed, bool left) => JobOutcome.Of(
        $"{completed} pending payment(s) completed, {failed} refused by pagoPA{(left ? "; pagoPA unavailable, the rest waits for the next run" : "")}.",
        ("completed", completed), ("failed", failed));

    [LoggerMessage(Level = LogLevel.Warning, Message = "pagoPA is still unavailable ({Code}); pending payments wait for the next run")]
    private static partial void LogStillUnavailable(ILogger logger, string code);
}
