namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// A subject's place in a family (C021 <c>legameSoggetto</c>): the family, its kind, the relationship code of ANPR's
/// table 05 (1 intestatario, 2 coniuge, 3 figlio/a, 6 padre/madre, 9 fratello/sorella, 23 convivente; docs/platforms/anpr.md §2.2),
/// the member's progressive and the date from which the subject belongs to it.
/// </summary>
public sealed record AnprFamilyLink(string FamilyId, AnprFamilyKind Kind, string RelationshipCode, int Member, DateOnly Since)
{
    public const string Head = "1";
    public const string Spouse = "2";
    public const string Child = "3";
    public const string Parent = "6";
    public const string Sibling = "9";
    public const string Partner = "23";
}

/// <summary>ANPR's <c>tipoLegame</c>: the kind of household (issue #4436).</summary>
public enum AnprFamilyKind
{
    /// <summary>3: a family resident in Italy.</summary>
    Resident = 3,

    /// <summary>4: an institutional cohabitation (care home, barracks).</summary>
    Cohabitation = 4,

    /// <summary>5: a family registered in AIRE, living abroad.</summary>
    Abroad = 5,
}
