using System.Globalization;
using InteropHub.Contracts.Registry;

namespace InteropHub.Adapters.Anpr.Mapping;

/// <summary>
/// ANPR's <c>codiceLegame</c> table (C021), as decoded by lsantalu/OpenMSP <c>OpenMSP/anpr.py</c> and consistent with
/// issue #5152 (docs/platforms/anpr.md §2.2). Codes may arrive zero-padded (<c>02</c>).
/// </summary>
internal static class FamilyRelationships
{
    private static readonly Dictionary<int, FamilyRelationship> ByCode = new()
    {
        [1] = FamilyRelationship.Head,
        [2] = FamilyRelationship.Spouse,
        [3] = FamilyRelationship.Child,
        [4] = FamilyRelationship.Grandchild,
        [5] = FamilyRelationship.GreatGrandchild,
        [6] = FamilyRelationship.Parent,
        [7] = FamilyRelationship.Grandparent,
        [8] = FamilyRelationship.GreatGrandparent,
        [9] = FamilyRelationship.Sibling,
        [10] = FamilyRelationship.NephewOrNiece,
        [11] = FamilyRelationship.UncleOrAunt,
        [12] = FamilyRelationship.Cousin,
        [13] = FamilyRelationship.OtherRelative,
        [14] = FamilyRelationship.Stepchild,
        [15] = FamilyRelationship.Stepparent,
        [16] = FamilyRelationship.ChildInLaw,
        [17] = FamilyRelationship.ParentInLaw,
        [18] = FamilyRelationship.SiblingInLaw,
        [19] = FamilyRelationship.HalfSibling,
        [20] = FamilyRelationship.NephewOrNieceInLaw,
        [21] = FamilyRelationship.UncleOrAuntInLaw,
        [22] = FamilyRelationship.OtherInLaw,
        [23] = FamilyRelationship.Cohabitant,
        [24] = FamilyRelationship.CohabitationHead,
        [25] = FamilyRelationship.CohabitationMember,
        [26] = FamilyRelationship.Guardian,
        [28] = FamilyRelationship.CivilPartner,
        [80] = FamilyRelationship.Adopted,
    };

    public static FamilyRelationship Decode(string? codiceLegame) =>
        int.TryParse(codiceLegame?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && ByCode.TryGetValue(code, out var relationship)
            ? relationship
            : FamilyRelationship.Other;
}
