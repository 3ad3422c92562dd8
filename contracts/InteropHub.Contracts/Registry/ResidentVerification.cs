namespace InteropHub.Contracts.Registry;

/// <summary>The answer to one yes/no check.</summary>
public sealed record ResidentVerification : RegistryAnswer
{
    /// <summary>What was checked.</summary>
    public required ResidentCheckKind Check { get; init; }

    /// <summary>ANPR's answer.</summary>
    public required VerificationOutcome Outcome { get; init; }
}

/// <summary>ANPR's answer to a check (<c>infoSoggettoEnte.valore</c>).</summary>
public enum VerificationOutcome
{
    /// <summary>The declared fact is true (<c>S</c>).</summary>
    Confirmed,

    /// <summary>The declared fact is false (<c>N</c>).</summary>
    NotConfirmed,

    /// <summary>ANPR could not tell (<c>A</c>, or no answer value).</summary>
    Undetermined,
}
