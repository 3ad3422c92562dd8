namespace InteropHub.Contracts.Registry;

/// <summary>An anomaly ANPR reported beside a successful answer (an entry of <c>listaAnomalie</c>).</summary>
public sealed record RegistryWarning
{
    /// <summary>The ANPR e-service that reported it, e.g. <c>C020</c>.</summary>
    public required string Service { get; init; }

    /// <summary>ANPR's code (<c>codiceErroreAnomalia</c>), e.g. <c>EN148</c>.</summary>
    public required string Code { get; init; }

    /// <summary>ANPR's text (<c>testoErroreAnomalia</c>), with anything shaped like a fiscal code masked.</summary>
    public required string Message { get; init; }
}
