using System.Text.Json.Serialization;

namespace InteropHub.Sandbox.Anpr;

/// <summary>ANPR's <c>sesso</c>.</summary>
public enum AnprSex
{
    [JsonStringEnumMemberName("M")]
    Male,

    [JsonStringEnumMemberName("F")]
    Female,
}
