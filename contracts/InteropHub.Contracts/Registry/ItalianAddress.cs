namespace InteropHub.Contracts.Registry;

/// <summary>An address in Italy, from ANPR's structured <c>indirizzo</c>.</summary>
public sealed record ItalianAddress
{
    /// <summary>The postal code (<c>cap</c>).</summary>
    public string? PostalCode { get; init; }

    /// <summary>The comune.</summary>
    public Municipality? Municipality { get; init; }

    /// <summary>The hamlet (<c>frazione</c>).</summary>
    public string? Hamlet { get; init; }

    /// <summary>The kind of street (<c>specie</c>), e.g. <c>VIA</c>, <c>PIAZZA</c>.</summary>
    public string? StreetType { get; init; }

    /// <summary>The street's name (<c>denominazioneToponimo</c>).</summary>
    public string? StreetName { get; init; }

    /// <summary>The house number (<c>numero</c>).</summary>
    public string? HouseNumber { get; init; }

    /// <summary>A letter after the house number (<c>lettera</c>), e.g. the <c>A</c> of 12/A.</summary>
    public string? HouseNumberLetter { get; init; }

    /// <summary>An exponent after the house number (<c>esponente1</c>), e.g. <c>BIS</c>.</summary>
    public string? HouseNumberExponent { get; init; }

    /// <summary>The staircase (<c>scala</c>).</summary>
    public string? Staircase { get; init; }

    /// <summary>The flat or unit (<c>interno1</c>).</summary>
    public string? Unit { get; init; }

    /// <summary>The floor (<c>piano</c>).</summary>
    public string? Floor { get; init; }
}
