namespace InteropHub.Adapters.PagoPa;
internal static class AssemblyMarker;
