namespace InteropHub.Adapters.Anpr;
internal static class AssemblyMarker;
