namespace InteropHub.Contracts.Registry;

/// <summary>A family member's relationship to the head of the family, decoded from ANPR's <c>codiceLegame</c>.</summary>
public enum FamilyRelationship
{
    /// <summary>A code the hub does not decode (ANPR 81, 99 "non definito", or new codes); see the raw code.</summary>
    Other,

    /// <summary>1: the head of the family (intestatario scheda).</summary>
    Head,

    /// <summary>2: husband or wife.</summary>
    Spouse,

    /// <summary>3: son or daughter.</summary>
    Child,

    /// <summary>4: grandchild (nipote, descendant).</summary>
    Grandchild,

    /// <summary>5: great-grandchild.</summary>
    GreatGrandchild,

    /// <summary>6: father or mother.</summary>
    Parent,

    /// <summary>7: grandparent.</summary>
    Grandparent,

    /// <summary>8: great-grandparent.</summary>
    GreatGrandparent,

    /// <summary>9: brother or sister.</summary>
    Sibling,

    /// <summary>10: nephew or niece (collateral).</summary>
    NephewOrNiece,

    /// <summary>11: uncle or aunt (collateral).</summary>
    UncleOrAunt,

    /// <summary>12: cousin.</summary>
    Cousin,

    /// <summary>13: other relative.</summary>
    OtherRelative,

    /// <summary>14: stepchild.</summary>
    Stepchild,

    /// <summary>15: stepfather or stepmother.</summary>
    Stepparent,

    /// <summary>16: son-in-law or daughter-in-law.</summary>
    ChildInLaw,

    /// <summary>17: father-in-law or mother-in-law.</summary>
    ParentInLaw,

    /// <summary>18: brother-in-law or sister-in-law.</summary>
    SiblingInLaw,

    /// <summary>19: half-brother or half-sister.</summary>
    HalfSibling,

    /// <summary>20: nephew or niece by marriage.</summary>
    NephewOrNieceInLaw,

    /// <summary>21: uncle or aunt by marriage.</summary>
    UncleOrAuntInLaw,

    /// <summary>22: other relative by marriage.</summary>
    OtherInLaw,

    /// <summary>23: cohabitant (adoption or affective ties).</summary>
    Cohabitant,

    /// <summary>24: head of a non-affective cohabitation (convivenza).</summary>
    CohabitationHead,

    /// <summary>25: member of a non-affective cohabitation.</summary>
    CohabitationMember,

    /// <summary>26: guardian (tutore).</summary>
    Guardian,

    /// <summary>28: civil partner (unito civilmente).</summary>
    CivilPartner,

    /// <summary>80: adopted.</summary>
    Adopted,
}
