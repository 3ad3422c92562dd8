namespace InteropHub.Sandbox.PagoPa;

/// <summary>
/// A defect the sandbox puts into the first flow it publishes, named over HTTP in kebab case (<c>line-missing</c>);
/// the comment says which reconciliation anomaly (GovPay's codes, docs/platforms/pagopa.md §3.5) it should cause.
/// </summary>
public enum FlowAnomaly
{
    /// <summary>The last line is left out, the header still counts and sums it: 007107 and 007106, and a receipt not reported.</summary>
    LineMissing,

    /// <summary>The first line's pay is 1.00 euro more, the header sum agrees with the lines: 007104.</summary>
    AmountChanged,

    /// <summary>The first line is repeated at the end with a new index, the header counts it: 007115.</summary>
    DuplicateLine,

    /// <summary>An extra EXECUTED line (10.00 euro) for an IUV the organization never issued, header consistent: 007101.</summary>
    UnknownIuv,

    /// <summary>The header's sumPayments is 1.00 euro more than the lines: 007106.</summary>
    HeaderSumWrong,

    /// <summary>The header's totPayments is one more than the lines: 007107.</summary>
    HeaderCountWrong,

    /// <summary>An extra NO_RPT line (5.00 euro) for an IUV the organization never issued, header consistent: 007111.</summary>
    NoRpt,

    /// <summary>The flow is published again, unchanged, as revision 2: the list shows only revision 2.</summary>
    NewRevision,

    /// <summary>The header's receiver is another organization (<c>99999999999</c>): 007116.</summary>
    OtherReceiver,
}
