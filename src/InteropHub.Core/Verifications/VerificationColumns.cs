using System.Text.Json;
using System.Text.Json.Serialization;
using InteropHub.Contracts.Registry;

namespace InteropHub.Core.Verifications;

/// <summary>How checks, answers and declared identities are written into their text columns and read back.</summary>
internal static class VerificationColumns
{
    // Enum names, not numbers, so the stored text stays readable and survives reordered enum members.
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string EncodeChecks(IReadOnlyList<ResidentCheckKind> checks) => string.Join(',', checks);

    public static IReadOnlyList<ResidentCheckKind> DecodeChecks(string checks) =>
        checks.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ResidentCheckKind>).ToList();

    public static string? EncodeResults(IReadOnlyDictionary<ResidentCheckKind, VerificationOutcome> results) =>
        results.Count == 0 ? null : JsonSerializer.Serialize(results, Json);

    public static Dictionary<ResidentCheckKind, VerificationOutcome> DecodeResults(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<ResidentCheckKind, VerificationOutcome>>(json, Json) ?? [];

    public static string? EncodeIdentity(DeclaredIdentity? identity) =>
        identity is null ? null : JsonSerializer.Serialize(identity, Json);

    public static DeclaredIdentity? DecodeIdentity(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<DeclaredIdentity>(json, Json);
}
