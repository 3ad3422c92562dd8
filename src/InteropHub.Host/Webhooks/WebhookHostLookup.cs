using System.Net;

namespace InteropHub.Host.Webhooks;

/// <summary>Looks up a host name's addresses for webhook registration and delivery alike.</summary>
internal interface IWebhookHostLookup
{
    Task<IPAddress[]> LookupAsync(string name, CancellationToken cancellationToken);
}

/// <summary>The system resolver: the hosts file, then DNS, as any connection by name would go.</summary>
internal sealed class SystemWebhookHostLookup : IWebhookHostLookup
{
    public Task<IPAddress[]> LookupAsync(string name, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(name, cancellationToken);
}
