namespace InteropHub.Core.Reconciliation;

/// <summary>
/// The anomaly codes the matcher raises: GovPay's numeric codes (docs/platforms/pagopa.md §3.5) and the hub's classification codes for
/// what GovPay has no number for (after P4PA's classes, §3.6).
/// </summary>
public static class AnomalyCodes
{
    /// <summary>A receipt line (EXECUTED/STAND_IN) names an IUV no notice has, a receipt id other than the notice's, or a transfer index the notice lacks.</summary>
    public const string PaymentUnknown = "007101";

    /// <summary>The same (IUV, IUR, transfer) is reported by lines of more than one current flow: the later lines are raised.</summary>
    public const string SeveralPayments = "007102";

    /// <summary>The line's amount differs from the notice's transfer amount (compared in exact cents).</summary>
    public const string AmountDiffers = "007104";

    /// <summary>Σ of the flow's lines differs from the header's sumPayments (flow-level).</summary>
    public const string SumDiffers = "007106";

    /// <summary>The number of the flow's lines differs from the header's totPayments (flow-level).</summary>
    public const string CountDiffers = "007107";

    /// <summary>A NO_RPT or STAND_IN_NO_RPT line names an IUV no notice of the tenant has.</summary>
    public const string NoRptUnknown = "007111";

    /// <summary>A line repeats the (IUV, IUR, transfer) of an earlier line of the same flow.</summary>
    public const string DuplicateInFlow = "007115";

    /// <summary>The flow's receiver is not the tenant's fiscal code (flow-level).</summary>
    public const string WrongReceiver = "007116";

    /// <summary>A notice paid (receipt recorded) longer than the configured days ago that no current flow line reports.</summary>
    public const string PaidNotReported = "paid-not-reported";

    /// <summary>A receipt line (EXECUTED/STAND_IN) names a notice of the tenant that has no receipt yet (receipt recovery's work).</summary>
    public const string ReportedWithoutReceipt = "reported-without-receipt";

    /// <summary>The same IUV and transfer is reported by current lines with different IURs: paid twice.</summary>
    public const string PaidTwice = "paid-twice";
}
