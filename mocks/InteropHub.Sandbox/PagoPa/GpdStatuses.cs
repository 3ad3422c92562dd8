namespace InteropHub.Sandbox.PagoPa;

/// <summary>A v1 debt position's status (docs/platforms/pagopa.md §1.5).</summary>
public enum GpdPositionStatus
{
    Draft,
    Published,
    Valid,
    Invalid,
    Expired,
    PartiallyPaid,
    Paid,
    Reported,
}

/// <summary>A v1 payment option's status.</summary>
public enum GpdOptionStatus
{
    PoUnpaid,
    PoPaid,
    PoPartiallyReported,
    PoReported,
}
