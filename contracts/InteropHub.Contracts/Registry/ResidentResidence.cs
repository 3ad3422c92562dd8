namespace InteropHub.Contracts.Registry;

/// <summary>Where the resident lives at the reference date, and where they lived before as far as ANPR returns it.</summary>
public sealed record ResidentResidence : RegistryAnswer
{
    /// <summary>The residence in force at the reference date: the latest that started on or before it.</summary>
    public Residence? Current { get; init; }

    /// <summary>Every residence ANPR returned, the most recent first (the current one included).</summary>
    public IReadOnlyList<Residence> History { get; init; } = [];

    /// <summary>The date of death, when the resident has died.</summary>
    public DateOnly? DeathDate { get; init; }
}
