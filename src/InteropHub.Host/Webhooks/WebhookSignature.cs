using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InteropHub.Host.Webhooks;

/// <summary>
/// The headers a delivery carries. The signature is <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "{t}.{body}")&gt;</c>,
/// so a receiver checks both the body and how old the attempt is.
/// </summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "X-InteropHub-Signature";
    public const string TimestampHeader = "X-InteropHub-Timestamp";
    public const string EventIdHeader = "X-InteropHub-Event-Id";
    public const string EventTypeHeader = "X-InteropHub-Event-Type";

    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes(t + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
