namespace InteropHub.Sandbox.Pdnd;

/// <summary>
/// Why the sandbox refused a token request: what PDND's back-office "Debug client assertion" tool would say
/// behind the opaque 400 <c>015-0008</c>.
/// </summary>
public sealed record PdndRefusal(Guid? ClientId, DateTimeOffset At, IReadOnlyList<PdndRefusalReason> Reasons);

/// <param name="Code">PDND's internal error name, e.g. <c>clientAssertionInvalidClaims</c> (docs/platforms/pdnd.md §1.7).</param>
/// <param name="Detail">The precise cause, e.g. "claim nbf is not allowed".</param>
public sealed record PdndRefusalReason(string Code, string Detail);
