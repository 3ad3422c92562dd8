namespace InteropHub.Contracts.Registry;

/// <summary>
/// One yes/no check and what it needs: <see cref="ResidentIn"/> a comune (ANPR C008), <see cref="Alive"/> (C007),
/// or <see cref="IdentityMatches"/> a declared identity (C003).
/// </summary>
public sealed record ResidentCheck
{
    private ResidentCheck(ResidentCheckKind kind, string? comuneIstatCode, DeclaredIdentity? identity)
    {
        Kind = kind;
        ComuneIstatCode = comuneIstatCode;
        Identity = identity;
    }

    /// <summary>Whether the resident is alive at the reference date.</summary>
    public static ResidentCheck Alive { get; } = new(ResidentCheckKind.Alive, null, null);

    /// <summary>What is checked.</summary>
    public ResidentCheckKind Kind { get; }

    /// <summary>For <see cref="ResidentCheckKind.ResidentInComune"/>: the comune's six-digit ISTAT code, e.g. <c>058091</c> (Roma).</summary>
    public string? ComuneIstatCode { get; }

    /// <summary>For <see cref="ResidentCheckKind.IdentityMatches"/>: the identity the resident declared.</summary>
    public DeclaredIdentity? Identity { get; }

    /// <summary>Whether the resident lives in the comune with ISTAT code <paramref name="comuneIstatCode"/> (six digits).</summary>
    public static ResidentCheck ResidentIn(string comuneIstatCode)
    {
        ArgumentNullException.ThrowIfNull(comuneIstatCode);
        return comuneIstatCode.Length == 6 && comuneIstatCode.All(char.IsAsciiDigit)
            ? new ResidentCheck(ResidentCheckKind.ResidentInComune, comuneIstatCode, null)
            : throw new ArgumentException("An ISTAT comune code has six digits.", nameof(comuneIstatCode));
    }

    /// <summary>Whether the resident's names, sex and birth date are those declared in <paramref name="identity"/>.</summary>
    public static ResidentCheck IdentityMatches(DeclaredIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new ResidentCheck(ResidentCheckKind.IdentityMatches, null, identity);
    }
}

/// <summary>The kinds of yes/no check.</summary>
public enum ResidentCheckKind
{
    /// <summary>Resident in a given comune (ANPR C008, verifica dichiarazione di residenza).</summary>
    ResidentInComune,

    /// <summary>Alive (ANPR C007, verifica dichiarazione di esistenza in vita).</summary>
    Alive,

    /// <summary>Declared names, sex and birth date match (ANPR C003, verifica dichiarazione di generalità).</summary>
    IdentityMatches,
}
