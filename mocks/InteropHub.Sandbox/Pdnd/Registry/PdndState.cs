using System.Text.Json.Serialization;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>State of a purpose, of its agreement or of its e-service; only ACTIVE lets a voucher be issued.</summary>
public enum PdndState
{
    [JsonStringEnumMemberName("ACTIVE")]
    Active,

    [JsonStringEnumMemberName("SUSPENDED")]
    Suspended,

    [JsonStringEnumMemberName("ARCHIVED")]
    Archived,
}
