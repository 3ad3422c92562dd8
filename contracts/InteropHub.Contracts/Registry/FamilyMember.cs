using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Registry;

/// <summary>One member of a family and their relationship to the head of the family (intestatario scheda).</summary>
public sealed record FamilyMember
{
    /// <summary>True for the resident the question was about.</summary>
    public bool IsQueriedResident { get; init; }

    /// <summary>The member's codice fiscale; null when ANPR gives none or one that is not a valid personal code.</summary>
    public FiscalCode? FiscalCode { get; init; }

    /// <summary>The member's idANPR.</summary>
    public string? IdAnpr { get; init; }

    /// <summary>The surname (cognome).</summary>
    public string? Surname { get; init; }

    /// <summary>The given names (nome).</summary>
    public string? GivenName { get; init; }

    /// <summary>The sex.</summary>
    public Sex? Sex { get; init; }

    /// <summary>The birth date.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>The relationship to the head of the family.</summary>
    public required FamilyRelationship Relationship { get; init; }

    /// <summary>ANPR's relationship code (<c>codiceLegame</c>), as ANPR gives it.</summary>
    public string? RelationshipCode { get; init; }

    /// <summary>ANPR's <c>tipoLegame</c> as sent (a code whose values ANPR does not document); <see cref="RelationshipCode"/> is the relationship.</summary>
    public string? RelationshipType { get; init; }

    /// <summary>Since when the member belongs to the family (<c>dataDecorrenza</c>).</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Since when the relationship holds (<c>dataDecorrenzaLegame</c>).</summary>
    public DateOnly? RelationshipSince { get; init; }

    /// <summary>The date of death, when the member has died.</summary>
    public DateOnly? DeathDate { get; init; }
}
