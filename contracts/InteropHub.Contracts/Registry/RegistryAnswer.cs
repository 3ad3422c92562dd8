using InteropHub.Contracts.Values;

namespace InteropHub.Contracts.Registry;

/// <summary>
/// What every registry answer carries: whom it is about, the date it describes, ANPR's warnings and the upstream
/// operations behind it (for the audit trail and for tickets with ANPR).
/// </summary>
public abstract record RegistryAnswer
{
    /// <summary>The resident's codice fiscale.</summary>
    public required FiscalCode FiscalCode { get; init; }

    /// <summary>The resident's idANPR, the national unique identifier (identificativo unico nazionale), stable for life.</summary>
    public required string IdAnpr { get; init; }

    /// <summary>The date the answer describes (ANPR's <c>dataRiferimentoRichiesta</c>): the requested date, or the day of the call in Europe/Rome.</summary>
    public required DateOnly ReferenceDate { get; init; }

    /// <summary>Anomalies ANPR reported with its answer (<c>listaAnomalie</c>), e.g. EN148 when a service was searched by fiscal code.</summary>
    public IReadOnlyList<RegistryWarning> Warnings { get; init; } = [];

    /// <summary>The ANPR calls that produced the answer, in order.</summary>
    public IReadOnlyList<AnprOperation> Operations { get; init; } = [];
}
