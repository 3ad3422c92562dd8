namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// Crons for the reconciliation jobs that never fire while a test runs, so only the test's own triggers start them:
/// receipts sync fires every 10 minutes by default, and a run fired at a restart (a misfire) would race the test's.
/// </summary>
public static class QuietCrons
{
    private const string Never = "0 0 0 1 1 ? 2099";

    private static readonly string[] Jobs = ["ReceiptsSync", "FdrAcquisition", "ReconciliationMatch", "ReceiptRecovery", "PaymentExpiry"];

    // The hub's other jobs: batches, verifications, recovery of unconfirmed creations, housekeeping.
    private static readonly string[] Others = ["PaymentBatches", "Verifications", "PaymentsRecovery", "Housekeeping"];

    public static Dictionary<string, string?> WithQuietCrons(this Dictionary<string, string?> settings)
    {
        foreach (var job in Jobs)
        {
            settings[$"Hub:Jobs:{job}:Cron"] = Never;
        }

        return settings;
    }

    /// <summary>Every job's cron never fires: for tests that compare the database before and after a request.</summary>
    public static Dictionary<string, string?> WithEveryCronQuiet(this Dictionary<string, string?> settings)
    {
        foreach (var job in Others)
        {
            settings[$"Hub:Jobs:{job}:Cron"] = Never;
        }

        return settings.WithQuietCrons();
    }
}
