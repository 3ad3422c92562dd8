namespace InteropHub.Sandbox.Pdnd;

/// <summary>One Signal Hub signal as the pull endpoint returns it.</summary>
internal sealed record Signal(long SignalId, PdndSignalType SignalType, string ObjectId, string ObjectType, Guid EServiceId);
