using InteropHub.Contracts.Tenancy;

namespace InteropHub.Contracts.Pdnd;

/// <summary>
/// Who a call to a PDND e-service is made for, set on each <see cref="HttpRequestMessage"/> under
/// <see cref="OptionsKey"/> (with Refit: a parameter marked <c>[Property(ModiRequestContext.OptionsKeyName)]</c>).
/// It comes from the inbound request through the port (<see cref="CallerContext"/>), never from ambient state,
/// because HTTP handlers outlive requests.
/// </summary>
/// <param name="Tenant">The tenant whose PDND client, key and purpose sign the call.</param>
public sealed record ModiRequestContext(TenantId Tenant)
{
    /// <summary>The name under which the context is stored in <see cref="HttpRequestMessage.Options"/>.</summary>
    public const string OptionsKeyName = "InteropHub.Pdnd.ModiRequestContext";

    /// <summary>The typed key for <see cref="HttpRequestMessage.Options"/>.</summary>
    public static HttpRequestOptionsKey<ModiRequestContext> OptionsKey { get; } = new(OptionsKeyName);

    /// <summary>The operator the call is made for: the tracking evidence's <c>userID</c> (required by AUDIT_REST_01/02).</summary>
    public string? OperatorId { get; init; }

    /// <summary>Where the operator works (office, workstation): the tracking evidence's <c>userLocation</c> (required by AUDIT_REST_01/02).</summary>
    public string? UserLocation { get; init; }

    /// <summary>The level of assurance of the operator's authentication, e.g. <c>LoA3</c>: the tracking evidence's <c>LoA</c> (required by AUDIT_REST_01/02).</summary>
    public string? LevelOfAssurance { get; init; }

    /// <summary>
    /// The PDND purpose id; when null the tenant's purpose for the e-service
    /// (<see cref="TenantPdndSettings.Purposes"/>) is used.
    /// </summary>
    public string? PurposeId { get; init; }

    /// <summary>The context of a call made for <paramref name="caller"/> (tenant and operator).</summary>
    public static ModiRequestContext For(CallerContext caller, string? userLocation, string? levelOfAssurance)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new ModiRequestContext(caller.Tenant)
        {
            OperatorId = caller.OperatorId,
            UserLocation = userLocation,
            LevelOfAssurance = levelOfAssurance,
        };
    }
}
