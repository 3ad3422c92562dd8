using System.Collections.Immutable;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>The sandbox's token-generation state: clients, their keys, and purposes.</summary>
internal sealed class PdndRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, RegisteredClient> _clients = [];
    private readonly Dictionary<Guid, PdndPurpose> _purposes = [];

    public void RegisterClient(Guid clientId, PdndClientKind kind, Guid organizationId)
    {
        lock (_lock)
        {
            var keys = _clients.TryGetValue(clientId, out var existing)
                ? existing.Keys
                : ImmutableDictionary<string, ClientPublicKey>.Empty;
            _clients[clientId] = new RegisteredClient(clientId, kind, organizationId, keys);
        }
    }

    public string RegisterKey(Guid clientId, ClientPublicKey key)
    {
        lock (_lock)
        {
            var client = Existing(clientId);
            _clients[clientId] = client with { Keys = client.Keys.SetItem(key.Kid, key) };
            return key.Kid;
        }
    }

    public void RegisterPurpose(PdndPurpose purpose)
    {
        if (purpose.Audiences.Count == 0 || purpose.Audiences.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A purpose needs at least one non-blank e-service audience.");
        }

        if (purpose.VoucherLifespan < PdndPurpose.MinVoucherLifespan || purpose.VoucherLifespan > PdndPurpose.MaxVoucherLifespan)
        {
            throw new ArgumentException(
                $"The voucher lifespan must be between {PdndPurpose.MinVoucherLifespan.TotalSeconds} and {PdndPurpose.MaxVoucherLifespan.TotalSeconds} seconds.");
        }

        lock (_lock)
        {
            if (Existing(purpose.ClientId).Kind != PdndClientKind.EService)
            {
                throw new ArgumentException($"Client {purpose.ClientId} is an api-interop client; purposes belong to e-service clients.");
            }

            _purposes[purpose.PurposeId] = purpose;
        }
    }

    public RegisteredClient? Client(Guid clientId)
    {
        lock (_lock)
        {
            return _clients.GetValueOrDefault(clientId);
        }
    }

    public PdndPurpose? Purpose(Guid purposeId)
    {
        lock (_lock)
        {
            return _purposes.GetValueOrDefault(purposeId);
        }
    }

    /// <summary>Whether the organization consumes the e-service under an active agreement and purpose (docs/platforms/pdnd.md §4).</summary>
    public bool Consumes(Guid organizationId, Guid eserviceId)
    {
        lock (_lock)
        {
            return _purposes.Values.Any(purpose =>
                purpose.EServiceId == eserviceId
                && purpose.AllowsVouchers
                && _clients.TryGetValue(purpose.ClientId, out var client)
                && client.OrganizationId == organizationId);
        }
    }

    private RegisteredClient Existing(Guid clientId) =>
        _clients.TryGetValue(clientId, out var client)
            ? client
            : throw new KeyNotFoundException($"Client {clientId} is not registered.");
}
