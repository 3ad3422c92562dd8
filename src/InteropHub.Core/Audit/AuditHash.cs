using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InteropHub.Core.Audit;

/// <summary>
/// The hash that chains audit records: lower-case hex SHA-256 over a canonical UTF-8 form of the record's fields
/// (fixed order, each length-prefixed so no two records serialise alike, instants as Unix milliseconds) and the
/// previous record's hash.
/// </summary>
internal static class AuditHash
{
    /// <summary>The previous hash of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "interophub-audit-v1";

    public static string Compute(AuditRow row)
    {
        var canonical = new StringBuilder(Version).Append('\n');
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
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
