namespace InteropHub.Adapters.Pdnd;
internal static class AssemblyMarker;
