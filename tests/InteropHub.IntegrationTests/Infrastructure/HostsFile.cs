using System.Net;
using System.Net.Sockets;
using InteropHub.Host.Webhooks;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>The machine's hosts file, and a webhook host lookup that resolves only the names it lists.</summary>
public static class HostsFile
{
    /// <summary>The names the hosts file maps to an address matching <paramref name="match"/>.</summary>
    public static List<string> Names(Func<IPAddress, bool> match) =>
        [.. File.ReadAllLines("/etc/hosts")
            .Select(line => line.Split('#')[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 1 && IPAddress.TryParse(fields[0], out var address) && match(address))
            .SelectMany(fields => fields.Skip(1))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// The hub's webhook host lookup in tests: a name the hosts file lists goes to the system resolver, as in
    /// production; any other name is not found, so no test sends a DNS query off the machine.
    /// </summary>
    internal sealed class OnlyLookup : IWebhookHostLookup
    {
        private static readonly Lazy<HashSet<string>> Listed = new(() => new HashSet<string>(Names(_ => true), StringComparer.OrdinalIgnoreCase));

        public Task<IPAddress[]> LookupAsync(string name, CancellationToken cancellationToken) =>
            Listed.Value.Contains(name.TrimEnd('.'))
                ? Dns.GetHostAddressesAsync(name, cancellationToken)
                : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
