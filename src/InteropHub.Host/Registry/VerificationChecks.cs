using InteropHub.Contracts.Registry;

namespace InteropHub.Host.Registry;

/// <summary>The checks a verification batch may ask for, by their API names.</summary>
internal static class VerificationChecks
{
    public const string ResidentInComune = "resident-in-comune";
    public const string Alive = "alive";
    public const string IdentityMatches = "identity-matches";

    public static IReadOnlyList<string> All { get; } = [ResidentInComune, Alive, IdentityMatches];

    public static string Name(ResidentCheckKind kind) => kind switch
    {
        ResidentCheckKind.ResidentInComune => ResidentInComune,
        ResidentCheckKind.Alive => Alive,
        ResidentCheckKind.IdentityMatches => IdentityMatches,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown check."),
    };

    public static ResidentCheckKind? Parse(string? name) => name switch
    {
        ResidentInComune => ResidentCheckKind.ResidentInComune,
        Alive => ResidentCheckKind.Alive,
        IdentityMatches => ResidentCheckKind.IdentityMatches,
        _ => null,
    };

    public static string Outcome(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Confirmed => "confirmed",
        VerificationOutcome.NotConfirmed => "not-confirmed",
        _ => "undetermined",
    };
}
