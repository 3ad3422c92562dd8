namespace InteropHub.Contracts.Registry;

/// <summary>One residence of the resident: an address in Italy or abroad (AIRE) and when it started.</summary>
public sealed record Residence
{
    /// <summary>ANPR's address type code (<c>tipoIndirizzo</c>), as ANPR gives it.</summary>
    public string? AddressType { get; init; }

    /// <summary>The day the residence started (<c>dataDecorrenzaResidenza</c>).</summary>
    public DateOnly? Since { get; init; }

    /// <summary>The address in Italy.</summary>
    public ItalianAddress? Address { get; init; }

    /// <summary>The address abroad, for residents registered in AIRE.</summary>
    public ForeignAddress? Abroad { get; init; }

    /// <summary>The person or organisation the resident lives with (<c>presso</c>).</summary>
    public string? CareOf { get; init; }

    /// <summary>Notes on the address (<c>noteIndirizzo</c>).</summary>
    public string? Notes { get; init; }
}
