namespace InteropHub.Sandbox.Anpr;

/// <summary>One person in the sandbox's ANPR: identity, residences over time, family link and life events.</summary>
public sealed record AnprSubject
{
    /// <summary>The 9-character identificativo unico nazionale (2 letters, 5 digits, 2 letters or digits).</summary>
    public required string IdAnpr { get; init; }

    public required string FiscalCode { get; init; }

    /// <summary>ANPR's <c>validitaCF</c>: "1" when validated with the Agenzia delle Entrate, else "9".</summary>
    public bool FiscalCodeValidated { get; init; }

    public required string Surname { get; init; }

    public required string GivenName { get; init; }

    public required AnprSex Sex { get; init; }

    public required DateOnly BirthDate { get; init; }

    public required AnprPlace BirthPlace { get; init; }

    /// <summary>The population it was generated in (<c>demo-a</c>, …, or <c>collaudo</c>).</summary>
    public required string Population { get; init; }

    /// <summary>ANPR's legacy <c>idSchedaSoggettoANPR</c>, not the idANPR.</summary>
    public required string RecordNumber { get; init; }

    /// <summary>Oldest first; the first one's date is when the subject entered ANPR.</summary>
    public required IReadOnlyList<AnprResidence> Residences { get; init; }

    public AnprFamilyLink? Family { get; init; }

    public DateOnly? DeathDate { get; init; }

    /// <summary>When the death was registered; ANPR shows it from the following day.</summary>
    public DateOnly? DeathRecordedOn { get; init; }

    /// <summary>When ANPR cancelled the subject for another reason than death (irreperibilità, repatriation, …).</summary>
    public DateOnly? CancelledOn { get; init; }

    public DateOnly RegisteredOn => Residences[0].Since;

    /// <summary>Registered in AIRE: the latest residence is abroad.</summary>
    public bool LivesAbroad => Residences[^1].Abroad is not null;

    public bool IsOmocode => CodiceFiscale.IsOmocode(FiscalCode);

    /// <summary>The residence in force on a date, or null before the subject entered ANPR.</summary>
    public AnprResidence? ResidenceOn(DateOnly date) => Residences.LastOrDefault(r => r.Since <= date);

    /// <summary>
    /// Whether ANPR shows the subject as dead for a request made <paramref name="today"/> about <paramref name="reference"/>:
    /// only from the day after the death (issue #4984) and from the day after it was recorded.
    /// </summary>
    public bool IsDeadFor(DateOnly reference, DateOnly today) =>
        DeathDate is { } death && death < reference && DeathRecordedOn is { } recorded && recorded < today;
}
