using System.Net.Sockets;
using InteropHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Webhooks;

/// <summary>
/// Opens the delivery client's connections only to addresses the target policy allows, checked on the addresses the
/// host name resolves to now: a public name later pointed at a private address is refused at delivery time.
/// </summary>
internal sealed class WebhookConnector(IOptionsMonitor<HubOptions> hub, IWebhookHostLookup lookup)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = await WebhookTargetPolicy.ResolveAsync(endpoint.Host, lookup, cancellationToken).ConfigureAwait(false);
        var options = hub.CurrentValue.Webhooks;
        if (addresses.FirstOrDefault(a => !WebhookTargetPolicy.IsAllowed(a, options)) is { } refused)
        {
            throw new IOException($"target refused: {endpoint.Host} resolves to {refused}, which the webhook target policy does not allow.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
