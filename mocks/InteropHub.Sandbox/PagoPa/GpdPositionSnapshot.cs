namespace InteropHub.Sandbox.PagoPa;

/// <summary>A debt position as the sandbox holds it now, for tests; dates are UTC, as GPD keeps them.</summary>
public sealed record GpdPositionSnapshot(
    string OrganizationFiscalCode,
    string Iupd,
    GpdPositionStatus Status,
    DateTime InsertedDate,
    DateTime? PublishDate,
    DateTime? PaymentDate,
    IReadOnlyList<GpdOptionSnapshot> Options);

/// <summary>A payment option (notice) of a position; <see cref="Receipt"/> once it is paid.</summary>
public sealed record GpdOptionSnapshot(
    string Iuv,
    string Nav,
    long Amount,
    bool IsPartialPayment,
    DateTime DueDate,
    GpdOptionStatus Status,
    PagoPaReceipt? Receipt);
