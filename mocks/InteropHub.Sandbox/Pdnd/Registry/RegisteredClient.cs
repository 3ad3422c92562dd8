using System.Collections.Immutable;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>A registered client with its public keys by kid.</summary>
internal sealed record RegisteredClient(
    Guid ClientId, PdndClientKind Kind, Guid OrganizationId, ImmutableDictionary<string, ClientPublicKey> Keys);
