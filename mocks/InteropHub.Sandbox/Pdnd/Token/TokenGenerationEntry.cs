using System.Diagnostics.CodeAnalysis;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// Steps 5 and 7 of PDND's pipeline: the token-generation entry keyed by client, kid and purpose
/// (docs/platforms/pdnd.md §1.4), and the platform states it carries.
/// </summary>
internal sealed record TokenGenerationEntry(RegisteredClient Client, ClientPublicKey Key, PdndPurpose? Purpose)
{
    public static bool TryFind(
        PdndRegistry registry,
        ValidAssertion assertion,
        [NotNullWhen(true)] out TokenGenerationEntry? entry,
        [NotNullWhen(false)] out PdndRefusalReason? notFound)
    {
        entry = null;
        notFound = null;
        if (registry.Client(assertion.ClientId) is not { } client)
        {
            notFound = NotFound($"client {assertion.ClientId} is not registered");
        }
        else if (!client.Keys.TryGetValue(assertion.Kid, out var key))
        {
            notFound = NotFound($"kid {assertion.Kid} not registered for client {client.ClientId}");
        }
        else if (assertion.PurposeId is not { } purposeId)
        {
            entry = new TokenGenerationEntry(client, key, null);
        }
        else if (client.Kind == PdndClientKind.ApiInterop)
        {
            notFound = NotFound($"client {client.ClientId} is an api-interop client: its assertions carry no purposeId");
        }
        else if (registry.Purpose(purposeId) is { } purpose && purpose.ClientId == client.ClientId)
        {
            entry = new TokenGenerationEntry(client, key, purpose);
        }
        else
        {
            notFound = NotFound($"purpose {purposeId} is not registered for client {client.ClientId}");
        }

        return entry is not null;
    }

    public IReadOnlyList<PdndRefusalReason> PlatformStateReasons()
    {
        if (Client.Kind == PdndClientKind.ApiInterop)
        {
            return [];
        }

        if (Purpose is not { } purpose)
        {
            return [new("purposeIdNotProvided", $"client {Client.ClientId} is an e-service client: its assertions need a purposeId")];
        }

        var reasons = new List<PdndRefusalReason>();
        if (purpose.AgreementState != PdndState.Active)
        {
            reasons.Add(new("invalidAgreementState", $"the agreement of purpose {purpose.PurposeId} is {Upper(purpose.AgreementState)}"));
        }

        if (purpose.EServiceState != PdndState.Active)
        {
            reasons.Add(new("invalidEServiceState", $"e-service {purpose.EServiceId} is {Upper(purpose.EServiceState)}"));
        }

        if (purpose.State != PdndState.Active)
        {
            reasons.Add(new("invalidPurposeState", $"purpose {purpose.PurposeId} is {Upper(purpose.State)}"));
        }

        return reasons;
    }

    private static PdndRefusalReason NotFound(string detail) => new("tokenGenerationStatesEntryNotFound", detail);

    private static string Upper(PdndState state) => state.ToString().ToUpperInvariant();
}
