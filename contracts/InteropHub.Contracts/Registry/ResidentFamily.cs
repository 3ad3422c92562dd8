namespace InteropHub.Contracts.Registry;

/// <summary>The resident's family (stato di famiglia) at the reference date.</summary>
public sealed record ResidentFamily : RegistryAnswer
{
    /// <summary>Every member of the family, the resident included, in ANPR's order.</summary>
    public IReadOnlyList<FamilyMember> Members { get; init; } = [];
}
