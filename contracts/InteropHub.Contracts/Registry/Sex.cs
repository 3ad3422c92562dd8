namespace InteropHub.Contracts.Registry;

/// <summary>A person's sex as the registry records it (ANPR <c>sesso</c>: <c>M</c>, <c>F</c>).</summary>
public enum Sex
{
    /// <summary>Male (<c>M</c>).</summary>
    Male,

    /// <summary>Female (<c>F</c>).</summary>
    Female,
}
