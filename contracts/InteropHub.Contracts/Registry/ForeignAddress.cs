namespace InteropHub.Contracts.Registry;

/// <summary>An address abroad (AIRE), from ANPR's <c>localitaEstera</c>.</summary>
public sealed record ForeignAddress
{
    /// <summary>The postal code abroad (<c>cap</c>).</summary>
    public string? PostalCode { get; init; }

    /// <summary>The locality (<c>descrizioneLocalita</c>).</summary>
    public string? Locality { get; init; }

    /// <summary>The state's name (<c>descrizioneStato</c>).</summary>
    public string? Country { get; init; }

    /// <summary>The state's ISTAT code (<c>codiceStato</c>).</summary>
    public string? CountryCode { get; init; }

    /// <summary>The province, county or state (<c>provinciaContea</c>).</summary>
    public string? Region { get; init; }

    /// <summary>The street (<c>toponimo.denominazione</c>).</summary>
    public string? Street { get; init; }

    /// <summary>The house number (<c>toponimo.numeroCivico</c>).</summary>
    public string? HouseNumber { get; init; }

    /// <summary>The Italian consulate the resident depends on (<c>descrizioneConsolato</c>).</summary>
    public string? Consulate { get; init; }

    /// <summary>The consulate's code (<c>codiceConsolato</c>).</summary>
    public string? ConsulateCode { get; init; }
}
