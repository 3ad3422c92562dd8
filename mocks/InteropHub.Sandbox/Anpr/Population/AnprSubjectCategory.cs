using System.Text.Json.Serialization;

namespace InteropHub.Sandbox.Anpr;

/// <summary>The kinds of subject tests and demos ask the sandbox for.</summary>
public enum AnprSubjectCategory
{
    /// <summary>Alive, resident in Italy, not cancelled: every service answers with data.</summary>
    [JsonStringEnumMemberName("resident")]
    Resident,

    /// <summary>Head (intestatario) of a family with at least two living members: C021 lists them.</summary>
    [JsonStringEnumMemberName("family-head")]
    FamilyHead,

    /// <summary>Dead, with a death date: visible from the day after the death (and after it was recorded).</summary>
    [JsonStringEnumMemberName("deceased")]
    Deceased,

    /// <summary>Cancelled from ANPR for another reason than death: EN122 "Soggetto cancellato da ANPR".</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,

    /// <summary>Registered in AIRE, resident abroad.</summary>
    [JsonStringEnumMemberName("abroad")]
    Abroad,

    /// <summary>Whose fiscal code is an omocodia variant.</summary>
    [JsonStringEnumMemberName("omocode")]
    Omocode,

    /// <summary>One of ANPR's collaudo test subjects (docs/platforms/anpr.md §5.1).</summary>
    [JsonStringEnumMemberName("collaudo")]
    Collaudo,

    /// <summary>A valid fiscal code nobody in ANPR has: EN122 "Soggetto non registrato in ANPR".</summary>
    [JsonStringEnumMemberName("not-registered")]
    NotRegistered,
}
