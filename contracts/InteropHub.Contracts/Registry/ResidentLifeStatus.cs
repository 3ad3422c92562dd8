namespace InteropHub.Contracts.Registry;

/// <summary>Whether the resident is alive at the reference date.</summary>
public sealed record ResidentLifeStatus : RegistryAnswer
{
    /// <summary>True when alive at the reference date.</summary>
    public required bool Alive { get; init; }

    /// <summary>The date of death, when the resident has died (ANPR shows it from the day after).</summary>
    public DateOnly? DeathDate { get; init; }
}
