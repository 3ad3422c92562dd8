namespace InteropHub.Contracts.Registry;

/// <summary>One call to an ANPR e-service behind an answer.</summary>
public sealed record AnprOperation
{
    /// <summary>The e-service code (<c>casoUso</c>), e.g. <c>C030</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The hub's id of the call (<c>idOperazioneClient</c>).</summary>
    public required string ClientOperationId { get; init; }

    /// <summary>ANPR's id of the call (<c>idOperazioneANPR</c>), to quote to ANPR support.</summary>
    public string? AnprOperationId { get; init; }
}
