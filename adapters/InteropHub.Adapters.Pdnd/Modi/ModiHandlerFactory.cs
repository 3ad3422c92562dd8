using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Contracts.Pdnd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Pdnd.Modi;

/// <summary><see cref="IModiHandlerFactory"/>: builds <see cref="ModiHandler"/>s from configured or given e-service profiles.</summary>
internal sealed class ModiHandlerFactory(
    IOptions<PdndOptions> options,
    PdndKeyRing keys,
    IVoucherProvider vouchers,
    TrackingEvidenceCache evidences,
    ModiTokenFactory tokens,
    ILoggerFactory loggers) : IModiHandlerFactory
{
    public DelegatingHandler Create(string eServiceKey) =>
        options.Value.EServices.TryGetValue(eServiceKey, out var eService) && eService.Enabled
            ? Create(eService.ToProfile(eServiceKey))
            : throw new InvalidOperationException($"PDND e-service '{eServiceKey}' is not configured and enabled under Adapters:Pdnd:EServices.");

    public DelegatingHandler Create(ModiEServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.Audience);
        return New(profile, apiInterop: false);
    }

    /// <summary>A handler that sends the tenant's API Interop voucher (Signal Hub, PDND APIs); it signs nothing, so needs no audience.</summary>
    public DelegatingHandler CreateApiInterop() =>
        New(new ModiEServiceProfile("api-interop", "", ModiPatterns.IdAuthRest01), apiInterop: true);

    private ModiHandler New(ModiEServiceProfile profile, bool apiInterop) =>
        new(profile, apiInterop, keys, vouchers, evidences, tokens, loggers.CreateLogger<ModiHandler>());
}
