namespace InteropHub.Sandbox.Pdnd;

/// <summary>The PDND sandbox's environment constants, by default those of PDND's collaudo (docs/platforms/pdnd.md §1.1).</summary>
public sealed record PdndSandboxSettings
{
    /// <summary>The only <c>aud</c> a client assertion may carry.</summary>
    public string ClientAssertionAudience { get; init; } = "auth.uat.interop.pagopa.it/client-assertion";

    /// <summary>The <c>iss</c> of every voucher.</summary>
    public string VoucherIssuer { get; init; } = "uat.interop.pagopa.it";

    /// <summary>The <c>aud</c> of api-interop vouchers, which Signal Hub requires.</summary>
    public string M2mAudience { get; init; } = "uat.interop.pagopa.it/m2m";

    public TimeSpan M2mVoucherLifespan { get; init; } = TimeSpan.FromSeconds(600);

    public PdndRateLimit RateLimit { get; init; } = PdndRateLimit.Default;
}
