using System.Web;
using WireMock;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// The form body of <c>POST /token.oauth2</c> checked against the spec's schema (docs/platforms/pdnd.md §1.4 step 1):
/// required fields, the <c>grant_type</c> enum, <c>client_id</c> as a UUID.
/// </summary>
internal sealed class TokenRequestForm
{
    private TokenRequestForm(
        Guid? clientId, string? clientAssertion, string? clientAssertionType, IReadOnlyList<PdndRefusalReason> schemaErrors)
    {
        ClientId = clientId;
        ClientAssertionType = clientAssertionType;
        SchemaErrors = schemaErrors;
        Assertion = clientAssertion is null ? null : CompactJws.TryParse(clientAssertion);
    }

    public Guid? ClientId { get; }

    public string? ClientAssertionType { get; }

    /// <summary>The decoded client assertion, or null when it is missing or not a compact JWS.</summary>
    public CompactJws? Assertion { get; }

    public IReadOnlyList<PdndRefusalReason> SchemaErrors { get; }

    /// <summary>The client the request claims to come from, for counting and the debug endpoint.</summary>
    public Guid? ClaimedClientId =>
        ClientId ?? (Guid.TryParse(Assertion?.PayloadText("sub"), out var sub) ? sub : null);

    public static TokenRequestForm Read(IRequestMessage request)
    {
        var errors = new List<PdndRefusalReason>();
        var contentType = SandboxJson.Header(request, "Content-Type") ?? "";
        if (!contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error("the body must be application/x-www-form-urlencoded"));
        }

        var fields = HttpUtility.ParseQueryString(request.Body ?? "");
        string? Required(string name)
        {
            var value = fields[name];
            if (string.IsNullOrEmpty(value))
            {
                errors.Add(Error($"{name} is required"));
                return null;
            }

            return value;
        }

        var assertion = Required("client_assertion");
        var assertionType = Required("client_assertion_type");
        if (Required("grant_type") is { } grantType && grantType != "client_credentials")
        {
            errors.Add(Error($"grant_type '{grantType}' is not 'client_credentials'"));
        }

        Guid? clientId = null;
        if (fields["client_id"] is { } rawClientId)
        {
            if (Guid.TryParse(rawClientId, out var parsed))
            {
                clientId = parsed;
            }
            else
            {
                errors.Add(Error("client_id is not a UUID"));
            }
        }

        return new TokenRequestForm(clientId, assertion, assertionType, errors);
    }

    private static PdndRefusalReason Error(string detail) => new("badRequestError", $"Incorrect value for body: {detail}");
}
