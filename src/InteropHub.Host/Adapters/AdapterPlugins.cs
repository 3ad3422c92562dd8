using InteropHub.Adapters.Anpr;
using InteropHub.Adapters.PagoPa;
using InteropHub.Adapters.Pdnd;
using InteropHub.Contracts.Adapters;

namespace InteropHub.Host.Adapters;

/// <summary>The adapters this build knows; configuration decides which of them load.</summary>
internal static class AdapterPlugins
{
    public static IReadOnlyList<IAdapterPlugin> All { get; } = [new PdndAdapterPlugin(), new AnprAdapterPlugin(), new PagoPaAdapterPlugin()];

    public const string Pdnd = "Pdnd";
    public const string Anpr = "Anpr";
    public const string PagoPa = "PagoPa";
}
