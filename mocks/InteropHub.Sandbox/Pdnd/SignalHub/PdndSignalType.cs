using System.Text.Json.Serialization;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>Signal Hub signal types (pull-signals.yaml); SEEDUPDATE means the producer rotated its pseudonymization seed.</summary>
public enum PdndSignalType
{
    [JsonStringEnumMemberName("CREATE")]
    Create,

    [JsonStringEnumMemberName("UPDATE")]
    Update,

    [JsonStringEnumMemberName("DELETE")]
    Delete,

    [JsonStringEnumMemberName("SEEDUPDATE")]
    SeedUpdate,
}
