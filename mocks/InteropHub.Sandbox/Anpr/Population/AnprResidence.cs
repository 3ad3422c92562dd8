namespace InteropHub.Sandbox.Anpr;

/// <summary>Where a subject lives from <paramref name="Since"/> on: an address in Italy, or abroad for AIRE subjects.</summary>
public sealed record AnprResidence(DateOnly Since, AnprAddress? Address, AnprAbroadAddress? Abroad);

/// <summary>An Italian address (ANPR's <c>indirizzo</c>): toponym species and name, civic number, staircase and interior.</summary>
public sealed record AnprAddress(
    AnprComune Comune, string Cap, string Species, string Street, string Number, string? Staircase = null, string? Interior = null, string? Metric = null);

/// <summary>An address abroad with the consulate that keeps the AIRE record (ANPR's <c>localitaEstera</c>).</summary>
public sealed record AnprAbroadAddress(
    AnprPlace State, string Locality, string PostCode, string Street, string Number, string ConsulateCode, string ConsulateName);
