using InteropHub.Adapters.Pdnd.Configuration;
using InteropHub.Adapters.Pdnd.Doctor;
using InteropHub.Adapters.Pdnd.Health;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Adapters.Pdnd.Modi;
using InteropHub.Adapters.Pdnd.SignalHub;
using InteropHub.Adapters.Pdnd.Vouchers;
using InteropHub.Adapters.Resilience;
using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Jobs;
using InteropHub.Contracts.Pdnd;
using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace InteropHub.Adapters.Pdnd;

/// <summary>
/// The PDND Interoperabilità adapter: vouchers (<see cref="IVoucherProvider"/>), ModI handlers for other adapters
/// (<see cref="IModiHandlerFactory"/>), Signal Hub pull jobs, the token endpoint's health, and the
/// <see cref="PdndDoctor"/>. Tenants' keys are checked when the host starts (options validated on start).
/// </summary>
public sealed class PdndAdapterPlugin : IAdapterPlugin
{
    /// <summary>The sandbox uses the collaudo client-assertion audience.</summary>
    public const string CollaudoClientAssertionAudience = "auth.uat.interop.pagopa.it/client-assertion";

    /// <summary>The audience of collaudo API Interop vouchers, as the sandbox issues them.</summary>
    public const string CollaudoM2mAudience = "uat.interop.pagopa.it/m2m";

    private const string SignalHubClientName = "pdnd-signalhub";

    /// <inheritdoc />
    public string Name => "Pdnd";

    /// <inheritdoc />
    public void Register(AdapterRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        registration.AddOptions<PdndOptions>();
        var services = registration.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TenantKeysCheck>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TenantKeysCheck>, PdndKeyStartupValidator>();

        services.AddSingleton<PdndKeyRing>();
        services.AddSingleton<ClientAssertionFactory>();
        services.AddSingleton<PdndTokenClient>();
        services.AddSingleton<VoucherCache>();
        services.AddSingleton<IVoucherProvider, PdndVoucherProvider>();
        services.AddSingleton<ModiTokenFactory>();
        services.AddSingleton<TrackingEvidenceCache>();
        services.AddSingleton<ModiHandlerFactory>();
        services.AddSingleton<IModiHandlerFactory>(sp => sp.GetRequiredService<ModiHandlerFactory>());
        services.AddSingleton<TokenEndpointProbe>();
        services.AddTransient(sp => new PdndDoctor(
            sp.GetRequiredService<IOptions<PdndOptions>>(),
            sp.GetRequiredService<ITenantDirectory>(),
            sp.GetRequiredService<ISecretResolver>(),
            sp.GetRequiredService<PdndKeyRing>(),
            sp.GetRequiredService<ClientAssertionFactory>(),
            sp.GetRequiredService<PdndTokenClient>(),
            sp.GetRequiredService<TokenEndpointProbe>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetServices<IPdndEServiceSource>()));

        // Asking for a voucher changes nothing at PDND, so its POST may be retried.
        services.AddHttpClient(PdndTokenClient.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.BaseAddress = Options(sp).TokenUrl)
            .AddUpstreamResilience(sp => Options(sp).Resilience);

        services.AddHttpClient(TokenEndpointProbe.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = Options(sp).Resilience.AttemptTimeout);

        // The voucher handler comes after the resilience handler, so every attempt gets a valid voucher.
        var signalHub = services.AddRefitGeneratedClient<ISignalHubApi>(new RefitSettings(), SignalHubClientName)
            .ConfigureHttpClient((sp, client) => client.BaseAddress = Options(sp).SignalHub.BaseUrl);
        signalHub.AddUpstreamResilience(sp => Options(sp).Resilience);
        signalHub.AddHttpMessageHandler(sp => sp.GetRequiredService<ModiHandlerFactory>().CreateApiInterop());
        services.AddTransient<SignalHubPullJob>();

        DeclareSignalHubJobs(registration);
        registration.AddHealthCheck(sp => new PdndHealthCheck(sp.GetRequiredService<TokenEndpointProbe>()));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string?> SandboxSettings(Uri sandboxBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(sandboxBaseUrl);
        var root = sandboxBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(PdndOptions.TokenUrl)] = $"{root}/token.oauth2",
            [nameof(PdndOptions.ClientAssertionAudience)] = CollaudoClientAssertionAudience,
            [nameof(PdndOptions.TokenEndpointIsSandbox)] = "true",
            [$"{nameof(PdndOptions.SignalHub)}:{nameof(SignalHubOptions.BaseUrl)}"] = root,
            [$"{nameof(PdndOptions.SignalHub)}:{nameof(SignalHubOptions.Audience)}"] = CollaudoM2mAudience,
        };
    }

    private static PdndOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<PdndOptions>>().Value;

    // Jobs are declared at registration, from the configuration and tenants known at start.
    private static void DeclareSignalHubJobs(AdapterRegistration registration)
    {
        var signalHub = registration.Section.GetSection(nameof(PdndOptions.SignalHub)).Get<SignalHubOptions>() ?? new SignalHubOptions();
        if (!signalHub.Enabled)
        {
            return;
        }

        foreach (var tenant in registration.Tenants.Where(t => !string.IsNullOrWhiteSpace(t.Pdnd.ApiInteropClientId)))
        {
            foreach (var eserviceId in signalHub.EServiceIds)
            {
                registration.AddJob(new JobDeclaration
                {
                    Name = $"pdnd-signalhub-{tenant.Id}-{eserviceId}",
                    JobType = typeof(SignalHubPullJob),
                    Cron = signalHub.Cron,
                    Tenant = TenantId.Parse(tenant.Id),
                    Description = $"Pulls Signal Hub signals of e-service {eserviceId} for {tenant.Id}.",
                    Misfire = MisfirePolicy.FireOnceNow,
                    Data = new Dictionary<string, string>(StringComparer.Ordinal) { [SignalHubPullJob.EServiceIdKey] = eserviceId },
                });
            }
        }
    }
}
