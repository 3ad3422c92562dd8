using System.Security.Claims;
using System.Text.Encodings.Web;
using InteropHub.Core.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Auth;

/// <summary>
/// <c>X-Api-Key</c> → tenant and scopes. The key is looked up by its SHA-256 (the store compares in constant time);
/// the key itself is never logged. A missing or unknown key is a 401, answered by <see cref="ProblemAuthorizationResultHandler"/>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>Longest key accepted; anything longer is not a key this hub issued.</summary>
    private const int MaxKeyLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values[0]!;
        if (values.Count > 1 || presented.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var match = await keys.FindAsync(presented, Context.RequestAborted);
        if (match is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim> { new(HubClaims.TenantClaim, match.Tenant.Value), new(HubClaims.KeyIdClaim, match.KeyId) };
        claims.AddRange(match.Scopes.Select(s => new Claim(HubClaims.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
