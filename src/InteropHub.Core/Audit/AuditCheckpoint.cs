using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InteropHub.Core.Audit;

/// <summary>
/// A signed statement, kept outside the database: at <see cref="At"/> the chain's record <see cref="Sequence"/> (its
/// head, so the trail then held that many records) had the MAC <see cref="Head"/>. <see cref="KeyId"/> names the key
/// that signed it by fingerprint.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Head, DateTimeOffset At, string KeyId, string Signature)
{
    private const string Version = "interophub-audit-checkpoint-v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    internal static AuditCheckpoint Sign(AuditKey key, long sequence, string head, DateTimeOffset at) =>
        new(sequence, head, at, key.Id, key.SignCheckpoint(Canonical(sequence, head, at, key.Id)));

    internal bool IsSignedBy(AuditKey key) =>
        string.Equals(KeyId, key.Id, StringComparison.Ordinal)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Signature),
            Encoding.ASCII.GetBytes(key.SignCheckpoint(Canonical(Sequence, Head, At, KeyId))));

    /// <summary>One JSON object on one line, as the checkpoint file and the log carry it.</summary>
    internal string ToJsonLine() => JsonSerializer.Serialize(new Line(Sequence, Head, At, KeyId, Signature), Json);

    internal static AuditCheckpoint? TryParse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<Line>(line, Json) is { Sequence: > 0, Head: { } head, Key: { } key, Signature: { } signature } parsed
                ? new AuditCheckpoint(parsed.Sequence, head, parsed.At, key, signature)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Canonical(long sequence, string head, DateTimeOffset at, string keyId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Version}\n{sequence}\n{head}\n{at.ToUnixTimeMilliseconds()}\n{keyId}\n");

    private sealed record Line(long Sequence, string? Head, DateTimeOffset At, string? Key, string? Signature);
}
