using System.Text.Json.Serialization;
using Refit;

namespace InteropHub.Adapters.Pdnd.Vouchers;

/// <summary>The PDND authorization server's <c>POST /token.oauth2</c>; the HTTP client's base address is the token URL itself.</summary>
internal interface IPdndTokenApi
{
    [Post("")]
    Task<IApiResponse<TokenResponse>> CreateTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);
}

/// <summary>The token endpoint's 200 body.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
