using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using InteropHub.Host.Configuration;

namespace InteropHub.Host.Webhooks;

/// <summary>
/// Where a webhook may point: http(s) only, no credentials in the URL, and — unless settings allow loopback or private
/// targets — nothing but public unicast addresses, so a subscription cannot aim the hub at its own network. The same
/// rule is applied at registration, on the addresses the URL's host resolves to then, and at delivery, on the
/// addresses it resolves to when connecting (a name later pointed at a private address is refused then).
/// </summary>
internal static class WebhookTargetPolicy
{
    public const int MaxUrlLength = 2048;

    /// <summary>Null when <paramref name="url"/> is acceptable as far as the URL alone tells, else why not.</summary>
    public static string? Check(string? url, WebhookTargetOptions options) => Check(url, options, out _);

    /// <summary>
    /// Null when <paramref name="url"/> is acceptable to register, else why not: <see cref="Check(string?, WebhookTargetOptions)"/>,
    /// then every address a host name resolves to now.
    /// </summary>
    public static async Task<string?> CheckAsync(string? url, WebhookTargetOptions options, IWebhookHostLookup lookup, CancellationToken cancellationToken)
    {
        var problem = Check(url, options, out var name);
        if (problem is not null || name is null)
        {
            return problem;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(name, lookup, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // A name that does not resolve yet cannot be judged now; delivery judges whatever it resolves to then.
            return null;
        }

        foreach (var address in addresses)
        {
            if (Refusal(address, options) is { } refusal)
            {
                return $"url's host resolves to {address}, {refusal}.";
            }
        }

        return null;
    }

    /// <summary>The addresses delivery connects to for <paramref name="host"/> (a URL's IDN host): an address literal as it is, a name as the lookup resolves it.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, IWebhookHostLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(lookup);
        return IsAddressLiteral(host, out var literal) ? [literal] : await lookup.LookupAsync(host, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed, as resolved at delivery time.</summary>
    public static bool IsAllowed(IPAddress address, WebhookTargetOptions options) => Refusal(address, options) is null;

    /// <summary>The URL-only check; <paramref name="name"/> is the host when it is a name still to resolve.</summary>
    private static string? Check(string? url, WebhookTargetOptions options, out string? name)
    {
        ArgumentNullException.ThrowIfNull(options);
        name = null;
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

        // Delivery connects to the IDN-mapped host, where full-width digits and dots (１２７。０.0.1) are already ASCII.
        if (IdnHost(uri) is not { } host)
        {
            return "url's host is not a valid internationalised domain name.";
        }

        if (IsLocalhostName(host))
        {
            return options.AllowLoopbackTargets ? null : "url points at a loopback address.";
        }

        if (IsAddressLiteral(host, out var literal))
        {
            return Refusal(literal, options) is { } refusal ? $"url points at {refusal}." : null;
        }

        name = host;
        return null;
    }

    private static string? Refusal(IPAddress address, WebhookTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return WebhookAddressRanges.Classify(address) switch
        {
            WebhookAddressKind.Public => null,
            WebhookAddressKind.Loopback => options.AllowLoopbackTargets ? null : "a loopback address",
            WebhookAddressKind.Private => options.AllowPrivateTargets ? null : "a private-range address",
            WebhookAddressKind.LinkLocal => options.AllowPrivateTargets ? null : "a link-local address",
            WebhookAddressKind.Unspecified => "an unspecified address",
            WebhookAddressKind.Multicast => "a multicast address",
            _ => "a broadcast or reserved address",
        };
    }

    private static string? IdnHost(Uri uri)
    {
        try
        {
            return uri.IdnHost;
        }
        catch (UriFormatException)
        {
            // Uri accepts hosts, such as a lone soft hyphen or a joiner, that its own IDN mapping then rejects.
            return null;
        }
    }

    /// <summary>localhost and its subdomains always mean loopback (RFC 6761), with or without the root's trailing dot.</summary>
    private static bool IsLocalhostName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    // A trailing dot does not make an address a name, whatever a given resolver makes of "127.0.0.1.".
    private static bool IsAddressLiteral(string host, [NotNullWhen(true)] out IPAddress? address) =>
        IPAddress.TryParse(host.Trim('[', ']').TrimEnd('.'), out address);
}
