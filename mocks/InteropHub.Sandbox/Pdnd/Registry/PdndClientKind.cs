using System.Text.Json.Serialization;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>What a PDND client is for: calling e-services under a purpose, or PDND's own APIs (Signal Hub).</summary>
public enum PdndClientKind
{
    [JsonStringEnumMemberName("e-service")]
    EService,

    [JsonStringEnumMemberName("api-interop")]
    ApiInterop,
}
