namespace InteropHub.Contracts.Registry;

/// <summary>A place of an event (birth): an Italian comune, or a locality abroad.</summary>
public sealed record Place
{
    /// <summary>The Italian comune, when the place is in Italy.</summary>
    public Municipality? Municipality { get; init; }

    /// <summary>The locality abroad (<c>descrizioneLocalita</c>).</summary>
    public string? Locality { get; init; }

    /// <summary>The foreign state's name (<c>descrizioneStato</c>).</summary>
    public string? Country { get; init; }

    /// <summary>The foreign state's ISTAT code (<c>codiceStato</c>).</summary>
    public string? CountryCode { get; init; }

    /// <summary>The province, county or state abroad (<c>provinciaContea</c>).</summary>
    public string? Region { get; init; }

    /// <summary>A place outside the usual forms, as ANPR describes it (<c>luogoEccezionale</c>).</summary>
    public string? Exceptional { get; init; }
}
