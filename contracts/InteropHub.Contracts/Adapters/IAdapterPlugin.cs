namespace InteropHub.Contracts.Adapters;

/// <summary>
/// One platform adapter (PDND, ANPR, pagoPA). The host discovers the plugins, loads only those enabled under
/// <c>Adapters:&lt;Name&gt;:Enabled</c>, and lets each register itself through an <see cref="AdapterRegistration"/>.
/// </summary>
public interface IAdapterPlugin
{
    /// <summary>The configuration section name under <c>Adapters</c>, e.g. <c>Pdnd</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Binds and validates the adapter's options, registers its HTTP clients (resilience, handlers), the ports it
    /// implements, its scheduled jobs and its health check.
    /// </summary>
    void Register(AdapterRegistration registration);

    /// <summary>
    /// Settings (keys relative to <c>Adapters:&lt;Name&gt;</c>) that point the adapter at its sandbox, used in sandbox
    /// mode as defaults that explicit configuration still overrides.
    /// </summary>
    IReadOnlyDictionary<string, string?> SandboxSettings(Uri sandboxBaseUrl);
}
