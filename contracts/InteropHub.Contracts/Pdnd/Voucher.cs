namespace InteropHub.Contracts.Pdnd;

/// <summary>
/// A PDND access token (voucher) as issued by the authorization server. It is a secret: <see cref="ToString"/> never
/// shows <see cref="AccessToken"/>, and nothing may log it.
/// </summary>
/// <param name="AccessToken">The compact JWS to send as <c>Authorization: Bearer &lt;AccessToken&gt;</c>.</param>
/// <param name="TokenType">The scheme PDND returned (<c>Bearer</c>).</param>
/// <param name="IssuedAt">When the hub asked for it (its own clock), the start of its lifetime.</param>
/// <param name="ExpiresAt"><see cref="IssuedAt"/> plus the <c>expires_in</c> PDND returned.</param>
public sealed record Voucher(string AccessToken, string TokenType, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The voucher's lifetime as PDND granted it.</summary>
    public TimeSpan Lifetime => ExpiresAt - IssuedAt;

    /// <summary>A description safe to log: type and expiry, never the token.</summary>
    public override string ToString() => $"{TokenType} voucher expiring {ExpiresAt:O}";
}
