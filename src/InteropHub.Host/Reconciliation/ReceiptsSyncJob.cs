using System.Globalization;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Payments;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Payments;

namespace InteropHub.Host.Reconciliation;

/// <summary>
/// Learns the tenant's payments made on pagoPA: the positions GPD lists as paid since the last run (windows of at most
/// 30 days, GPD's limit, overlapping the previous run by <see cref="Overlap"/> so a payment recorded late is not
/// missed) become local payments <c>paid</c> with their receipt data. Recording a state twice changes nothing, so a
/// re-run or a crash mid-way is harmless; the watermark moves only after a window is recorded.
/// </summary>
internal sealed class ReceiptsSyncJob(IReceiptSource receipts, IPaymentStore payments, ICheckpointStore checkpoints, TimeProvider time) : IHubJob
{
    public const string Prefix = "pagopa.receipts";

    /// <summary>How far back each run looks again before its watermark.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromHours(1);

    public static JobDeclaration Declaration(IConfiguration configuration, TenantId tenant) => new()
    {
        Name = $"{Prefix}.{tenant}",
        JobType = typeof(ReceiptsSyncJob),
        Cron = configuration["Hub:Jobs:ReceiptsSync:Cron"] ?? "0 */10 * * * ?",
        Description = $"Records the payments of {tenant} that GPD lists as paid.",
        Tenant = tenant,
        Misfire = MisfirePolicy.FireOnceNow,
    };

    public async ValueTask<JobOutcome> ExecuteAsync(HubJobContext context, CancellationToken cancellationToken)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException($"Job '{context.JobName}' must run for a tenant.");
        var scope = $"{Prefix}/{tenant}";
        var now = time.GetUtcNow();
        var oldest = now - IReceiptSource.MaxWindow + TimeSpan.FromMinutes(1);
        var saved = await checkpoints.GetAsync(scope, cancellationToken);
        var from = saved is null ? oldest : DateTimeOffset.Parse(saved.Value, CultureInfo.InvariantCulture) - Overlap;
        if (from < oldest)
        {
            from = oldest;
        }

        long seen = 0, recorded = 0;
        var found = await receipts.PaidPositionsAsync(tenant, from, now, cancellationToken);
        var outcomes = new List<PaymentOutcome>(found.Count);
        foreach (var position in found)
        {
            seen++;
            if (await payments.FindByIupdAsync(tenant, position.Iupd, cancellationToken) is { } payment)
            {
                outcomes.Add(new PaymentOutcome(payment.Id, position, null));
            }
        }

        foreach (var chunk in outcomes.Chunk(200))
        {
            recorded += (await payments.RecordOutcomesAsync(tenant, chunk, cancellationToken)).Count;
        }

        await checkpoints.SaveAsync(scope, now.ToString("O", CultureInfo.InvariantCulture), saved?.Version, cancellationToken);
        return JobOutcome.Of(
            $"{seen} paid position(s) listed by GPD since {from:O}; {recorded} local payment(s) recorded, {seen - outcomes.Count} not the hub's.",
            ("listed", seen), ("recorded", recorded), ("unknown", seen - outcomes.Count));
    }
}
