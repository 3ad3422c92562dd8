namespace InteropHub.Contracts.Registry;

/// <summary>An identity a person declared, to be verified against ANPR (C003).</summary>
public sealed record DeclaredIdentity
{
    /// <summary>The declared surname (cognome).</summary>
    public required string Surname { get; init; }

    /// <summary>The declared given names (nome).</summary>
    public required string GivenName { get; init; }

    /// <summary>The declared sex, when declared.</summary>
    public Sex? Sex { get; init; }

    /// <summary>The declared birth date.</summary>
    public required DateOnly BirthDate { get; init; }
}
