using System.Net;
using System.Net.Sockets;

namespace InteropHub.Host.Webhooks;

/// <summary>What a webhook target address is, for <see cref="WebhookTargetPolicy"/>.</summary>
internal enum WebhookAddressKind
{
    Public,
    Loopback,
    Private,
    LinkLocal,
    Unspecified,
    Multicast,
    BroadcastOrReserved,
}

/// <summary>
/// Classifies an address, looking through the IPv6 forms that carry an IPv4 address (mapped, compatible, SIIT,
/// NAT64 64:ff9b::/96, 6to4, Teredo) so a tunnelled private address is as private as the plain one. A subnet's own
/// broadcast address (say 203.0.113.255 in a /24) cannot be told from a host address without the target's netmask,
/// so only the limited broadcast 255.255.255.255 (inside the reserved 240.0.0.0/4) is recognised.
/// </summary>
internal static class WebhookAddressRanges
{
    public static WebhookAddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address.GetAddressBytes()) : ClassifyV6(address);
    }

    private static WebhookAddressKind ClassifyV4(ReadOnlySpan<byte> b) => b[0] switch
    {
        0 => WebhookAddressKind.Unspecified,
        127 => WebhookAddressKind.Loopback,
        10 => WebhookAddressKind.Private,
        172 when b[1] is >= 16 and <= 31 => WebhookAddressKind.Private,
        192 when b[1] == 168 => WebhookAddressKind.Private,
        100 when b[1] is >= 64 and <= 127 => WebhookAddressKind.Private, // carrier-grade NAT, RFC 6598
        169 when b[1] == 254 => WebhookAddressKind.LinkLocal,
        >= 224 and <= 239 => WebhookAddressKind.Multicast,
        >= 240 => WebhookAddressKind.BroadcastOrReserved,
        _ => WebhookAddressKind.Public,
    };

    private static WebhookAddressKind ClassifyV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any))
        {
            return WebhookAddressKind.Unspecified;
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return WebhookAddressKind.Loopback;
        }

        if (EmbeddedV4(b) is { } v4)
        {
            return ClassifyV4(v4);
        }

        return b[0] switch
        {
            0xFF => WebhookAddressKind.Multicast,
            0xFE when (b[1] & 0xC0) == 0x80 => WebhookAddressKind.LinkLocal,
            0xFE when (b[1] & 0xC0) == 0xC0 => WebhookAddressKind.Private, // deprecated site-local fec0::/10
            0xFC or 0xFD => WebhookAddressKind.Private, // unique local fc00::/7
            0x00 when b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4] == 0x00 && b[5] == 0x01 => WebhookAddressKind.Private, // local-use NAT64 64:ff9b:1::/48, RFC 8215
            _ => WebhookAddressKind.Public,
        };
    }

    /// <summary>The IPv4 address an IPv6 form carries, or null.</summary>
    private static byte[]? EmbeddedV4(byte[] b)
    {
        // ::/96 (compatible), ::ffff:0:0/96 (mapped) and ::ffff:0:0:0/96 (SIIT): the IPv4 address is the last 32 bits.
        if (b.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0
            && ((b[8] == 0 && b[9] == 0 && ((b[10] == 0 && b[11] == 0) || (b[10] == 0xFF && b[11] == 0xFF)))
                || (b[8] == 0xFF && b[9] == 0xFF && b[10] == 0 && b[11] == 0)))
        {
            return b[12..];
        }

        // NAT64 well-known prefix 64:ff9b::/96, RFC 6052: the last 32 bits.
        if (b.AsSpan(0, 12).SequenceEqual((byte[])[0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0]))
        {
            return b[12..];
        }

        // 6to4 2002::/16, RFC 3056: the 32 bits after the prefix.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return b[2..6];
        }

        // Teredo 2001::/32, RFC 4380: the client's public address, obfuscated, in the last 32 bits.
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            return [(byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]];
        }

        return null;
    }
}
