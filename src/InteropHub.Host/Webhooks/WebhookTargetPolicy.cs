using System.Net;
using System.Net.Sockets;
using InteropHub.Host.Configuration;

namespace InteropHub.Host.Webhooks;

/// <summary>
/// Where a webhook may point: http(s) only, no credentials in the URL, and — unless settings allow them — no loopback,
/// link-local or private-range target, so a subscription cannot aim the hub at its own network.
/// </summary>
internal static class WebhookTargetPolicy
{
    public const int MaxUrlLength = 2048;

    /// <summary>Null when acceptable, else why not.</summary>
    public static string? Check(string? url, WebhookTargetOptions options)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "url is required.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"url is longer than {MaxUrlLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "url must be an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not carry credentials.";
        }

        if (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return options.AllowLoopbackTargets ? null : "url points at a loopback address.";
        }

        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IsPrivateOrLinkLocal(address) && !options.AllowPrivateTargets)
        {
            return "url points at a private-range or link-local address.";
        }

        return null;
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed, as resolved at delivery time.</summary>
    public static bool IsAllowed(IPAddress address, WebhookTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);
        if (IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address))
        {
            return options.AllowLoopbackTargets;
        }

        return options.AllowPrivateTargets || !IsPrivateOrLinkLocal(address);
    }

    private static bool IsPrivateOrLinkLocal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (first & 0xFE) == 0xFC || address.Equals(IPAddress.IPv6Any);
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || b[0] == 0;
    }
}
