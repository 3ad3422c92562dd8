namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// Steps 5 and 7 of PDND's pipeline: the token-generation entry keyed by client, kid and purpose
/// (pdnd.md §1.4), and the platform states it carries.
/// </summary>
internal sealed record TokenGenerationEntry(
    RegisteredClient? Client, ClientPublicKey? Key, PdndPurpose? Purpose, PdndRefusalReason? NotFound)
{
    private const string NotFoundCode = "tokenGenerationStatesEntryNotFound";

    public static TokenGenerationEntry Find(PdndRegistry registry, ValidAssertion assertion)
    {
        if (registry.Client(assertion.ClientId) is not { } client)
        {
            return Missing($"client {assertion.ClientId} is not registered");
        }

        if (!client.Keys.TryGetValue(assertion.Kid, out var key))
        {
            return Missing($"kid {assertion.Kid} not registered for client {client.ClientId}");
        }

        if (assertion.PurposeId is not { } purposeId)
        {
            return new TokenGenerationEntry(client, key, null, null);
        }

        if (client.Kind == PdndClientKind.ApiInterop)
        {
            return Missing($"client {client.ClientId} is an api-interop client: its assertions carry no purposeId");
        }

        return registry.Purpose(purposeId) is { } purpose && purpose.ClientId == client.ClientId
            ? new TokenGenerationEntry(client, key, purpose, null)
            : Missing($"purpose {purposeId} is not registered for client {client.ClientId}");
    }

    public IReadOnlyList<PdndRefusalReason> PlatformStateReasons()
    {
        if (Client!.Kind == PdndClientKind.ApiInterop)
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

    private static TokenGenerationEntry Missing(string detail) => new(null, null, null, new(NotFoundCode, detail));

    private static string Upper(PdndState state) => state.ToString().ToUpperInvariant();
}
