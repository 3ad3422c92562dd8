using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Tenancy;
using InteropHub.Host.Configuration;
using InteropHub.Sandbox;
using InteropHub.Sandbox.Anpr;
using Microsoft.Extensions.Configuration.Memory;

namespace InteropHub.Host.Sandbox;

/// <summary>
/// Sandbox mode: the embedded default when no tenant is configured (or forced by <c>Hub:Sandbox:Enabled</c>). It starts
/// the platform sandboxes in-process, points every adapter at them and serves the demo tenants.
/// </summary>
internal static class SandboxMode
{
    public const string EnabledKey = "Hub:Sandbox:Enabled";
    public const string AnprStoredOperationsKey = "Hub:Sandbox:AnprStoredOperations";

    public static bool IsEnabled(IConfiguration configuration, IReadOnlyList<TenantSettings> configuredTenants) =>
        configuration.GetValue<bool?>(EnabledKey) ?? configuredTenants.Count == 0;

    /// <summary>The tenants a hub in this mode serves: the configured ones plus, in sandbox mode, the demo tenants not configured already.</summary>
    public static IReadOnlyList<TenantSettings> Tenants(bool sandbox, IReadOnlyList<TenantSettings> configured) =>
        sandbox ? [.. configured, .. MissingDemoTenants(configured)] : configured;

    public static IReadOnlyList<TenantSettings> MissingDemoTenants(IReadOnlyList<TenantSettings> configured) =>
        [.. DemoTenants.All.Where(d => configured.All(c => c.Id != d.Id))];

    /// <summary>
    /// Starts the sandboxes (or finds the shared ones, <see cref="SandboxPlatforms.Shared"/>) and adds their settings as the lowest-priority configuration, so that an explicit setting
    /// still wins — and is then checked by <see cref="EnsureLoopbackOnly"/> (a refusal stops the sandboxes again).
    /// </summary>
    public static SandboxPlatforms Start(IHostApplicationBuilder builder, IReadOnlyList<IAdapterPlugin> plugins)
    {
        var sandbox = SandboxPlatforms.Shared(builder.Configuration) ?? SandboxPlatforms.InProcess(SandboxHost.Start(SandboxSettings(builder.Configuration)));
        var defaults = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Hub:Webhooks:AllowLoopbackTargets"] = "true",
            // The demo tenants pull the signals the PDND sandbox is seeded with.
            ["Adapters:Pdnd:SignalHub:Enabled"] = "true",
            ["Adapters:Pdnd:SignalHub:EServiceIds:0"] = DemoPdnd.SignalEServiceId.ToString(),
        };
        foreach (var plugin in plugins)
        {
            defaults[$"Adapters:{plugin.Name}:Enabled"] = "true";
            foreach (var (key, value) in plugin.SandboxSettings(SandboxUrl(sandbox, plugin.Name)))
            {
                defaults[$"Adapters:{plugin.Name}:{key}"] = value;
            }
        }

        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        try
        {
            EnsureLoopbackOnly(builder.Configuration);
        }
        catch
        {
            sandbox.Host?.Dispose();
            throw;
        }

        if (sandbox.Host is not null)
        {
            builder.Services.AddSingleton(sandbox.Host);
        }

        return sandbox;
    }

    /// <summary>The in-process sandboxes' settings: the defaults, with the ANPR sandbox's memory bound from configuration.</summary>
    public static SandboxSettings SandboxSettings(IConfiguration configuration)
    {
        var stored = configuration[AnprStoredOperationsKey];
        if (stored is null)
        {
            return new SandboxSettings();
        }

        if (!int.TryParse(stored, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new HubStartupException(
                "Sandbox mode refuses to start:", [$"{AnprStoredOperationsKey} is '{stored}'; it must be a whole number of at least 1."]);
        }

        return new SandboxSettings { Anpr = new AnprSandboxSettings { StoredOperations = count } };
    }

    /// <summary>Refuses sandbox mode when any adapter address (a setting whose name ends in <c>Url</c>) is not loopback.</summary>
    public static void EnsureLoopbackOnly(IConfiguration configuration)
    {
        var offending = configuration.GetSection("Adapters").AsEnumerable()
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Value) && kv.Key[(kv.Key.LastIndexOf(':') + 1)..].EndsWith("Url", StringComparison.OrdinalIgnoreCase))
            .Where(kv => Uri.TryCreate(kv.Value, UriKind.Absolute, out var uri) && !uri.IsLoopback)
            .Select(kv => $"{kv.Key} = {kv.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (offending.Count > 0)
        {
            throw new HubStartupException(
                "Sandbox mode refuses to start: these adapter addresses are not loopback, so a sandbox run would reach a real platform:",
                [.. offending, $"Point them at the sandboxes, or turn sandbox mode off ({EnabledKey}=false) and configure real tenants."]);
        }
    }

    private static Uri SandboxUrl(SandboxPlatforms sandbox, string adapterName) => adapterName switch
    {
        "Pdnd" => sandbox.PdndUrl,
        "Anpr" => sandbox.AnprUrl,
        "PagoPa" => sandbox.PagoPaUrl,
        _ => throw new InvalidOperationException($"No sandbox for adapter {adapterName}."),
    };
}
