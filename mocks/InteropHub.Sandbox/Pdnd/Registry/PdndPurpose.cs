namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// A purpose of an e-service client with what PDND's token-generation state holds for it
/// (docs/platforms/pdnd.md §1.4): the e-service's audiences and voucher lifespan, and the three states.
/// </summary>
public sealed record PdndPurpose
{
    public static readonly TimeSpan DefaultVoucherLifespan = TimeSpan.FromSeconds(600);

    /// <summary>PDND lets a producer set a voucher lifespan between these bounds (docs/platforms/pdnd.md §1.6).</summary>
    public static readonly TimeSpan MinVoucherLifespan = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan MaxVoucherLifespan = TimeSpan.FromSeconds(86_400);

    public required Guid PurposeId { get; init; }

    public required Guid ClientId { get; init; }

    public required Guid EServiceId { get; init; }

    /// <summary>The e-service's audiences; the voucher's <c>aud</c> is them joined with commas.</summary>
    public required IReadOnlyList<string> Audiences { get; init; }

    public TimeSpan VoucherLifespan { get; init; } = DefaultVoucherLifespan;

    public PdndState State { get; init; } = PdndState.Active;

    public PdndState AgreementState { get; init; } = PdndState.Active;

    public PdndState EServiceState { get; init; } = PdndState.Active;

    /// <summary>Carried into the voucher as <c>descriptorId</c> when set.</summary>
    public Guid? DescriptorId { get; init; }

    /// <summary>Carried into the voucher as <c>producerId</c> when set.</summary>
    public Guid? ProducerId { get; init; }

    internal bool AllowsVouchers =>
        State == PdndState.Active && AgreementState == PdndState.Active && EServiceState == PdndState.Active;
}
