using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InteropHub.Core.Audit;

/// <summary>
/// What chains audit records: a lower-case hex digest of a canonical UTF-8 form of the record's fields (fixed order,
/// each length-prefixed so no two records serialise alike, instants as Unix milliseconds) and the previous record's
/// digest. Records are MACed with the audit key (<see cref="Keyed"/>); records written before the hub had a key carry
/// a plain SHA-256 (<see cref="Legacy"/>), which anyone can recompute.
/// </summary>
internal static class AuditHash
{
    /// <summary>The previous hash of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string LegacyVersion = "interophub-audit-v1";
    private const string KeyedVersion = "interophub-audit-v2";

    /// <summary>HMAC-SHA256 under the audit key: only a holder of the key can write a record that verifies.</summary>
    public static string Keyed(AuditKey key, AuditRow row) => key.MacChain(Canonical(KeyedVersion, row));

    /// <summary>The unkeyed SHA-256 of records written before the chain was keyed.</summary>
    public static string Legacy(AuditRow row) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(LegacyVersion, row))));

    private static string Canonical(string version, AuditRow row)
    {
        var canonical = new StringBuilder(version).Append('\n');
        Append(canonical, row.Tenant);
        Append(canonical, row.Actor);
        Append(canonical, row.Action);
        Append(canonical, row.Subject);
        Append(canonical, row.Outcome);
        Append(canonical, row.Reason);
        Append(canonical, row.RequestId);
        Append(canonical, row.DetailsJson);
        Append(canonical, row.RecordedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Append(canonical, row.PreviousHash);
        return canonical.ToString();
    }

    private static void Append(StringBuilder canonical, string? field)
    {
        // "-" marks null, distinct from the empty string "0:".
        if (field is null)
        {
            canonical.Append("-\n");
            return;
        }

        canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
    }
}
