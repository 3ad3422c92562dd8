using System.Security.Cryptography;
using System.Text;
using InteropHub.Host.Webhooks;

namespace InteropHub.Host.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_hmac_sha256_of_timestamp_dot_body_in_lower_hex()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"e-1"}""");

        var header = WebhookSignature.Compute("whsec_0123456789abcdef", 1_764_000_000, body);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_0123456789abcdef"), Encoding.UTF8.GetBytes("""1764000000.{"id":"e-1"}""")));
        Assert.Equal($"t=1764000000,v1={expected}", header);
    }

    [Fact]
    public void A_changed_body_or_timestamp_changes_the_signature()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"e-1"}""");
        var original = WebhookSignature.Compute("whsec_0123456789abcdef", 1_764_000_000, body);

        Assert.NotEqual(original, WebhookSignature.Compute("whsec_0123456789abcdef", 1_764_000_000, Encoding.UTF8.GetBytes("""{"id":"e-2"}""")));
        Assert.NotEqual(original[(original.IndexOf(',', StringComparison.Ordinal) + 1)..], WebhookSignature.Compute("whsec_0123456789abcdef", 1_764_000_001, body)[(original.IndexOf(',', StringComparison.Ordinal) + 1)..]);
    }
}
