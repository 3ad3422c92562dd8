namespace InteropHub.Contracts.Registry;

/// <summary>Who the resident is and where they live, at the reference date.</summary>
public sealed record ResidentProfile : RegistryAnswer
{
    /// <summary>The surname (cognome).</summary>
    public string? Surname { get; init; }

    /// <summary>The given names (nome).</summary>
    public string? GivenName { get; init; }

    /// <summary>The sex.</summary>
    public Sex? Sex { get; init; }

    /// <summary>The birth date.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>The place of birth: an Italian comune, or a place abroad.</summary>
    public Place? BirthPlace { get; init; }

    /// <summary>True when the resident is registered in AIRE (Italians resident abroad).</summary>
    public bool? RegisteredAbroad { get; init; }

    /// <summary>The residence in force at the reference date; null when the e-service used does not return residence.</summary>
    public Residence? CurrentResidence { get; init; }

    /// <summary>Whether the resident is alive at the reference date; null when the e-service used does not say.</summary>
    public bool? Alive { get; init; }

    /// <summary>The date of death, when the resident has died (ANPR shows it from the day after).</summary>
    public DateOnly? DeathDate { get; init; }
}
