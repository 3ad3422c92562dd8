using System.Text.Json;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>The outcome of the assertion checks: a valid assertion, or the reasons it was refused.</summary>
internal sealed record AssertionCheck(ValidAssertion? Assertion, IReadOnlyList<PdndRefusalReason> Reasons);

/// <summary>What the rest of the pipeline needs from an assertion that passed the claim checks.</summary>
internal sealed record ValidAssertion(Guid ClientId, string Kid, Guid? PurposeId, JsonElement? Digest, CompactJws Jws);
