namespace InteropHub.Contracts.Registry;

/// <summary>An Italian comune.</summary>
public sealed record Municipality
{
    /// <summary>The comune's name (<c>nomeComune</c>), e.g. <c>ROMA</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The comune's six-digit ISTAT code (<c>codiceIstat</c>), e.g. <c>058091</c>.</summary>
    public string? IstatCode { get; init; }

    /// <summary>The province's two-letter code (<c>siglaProvinciaIstat</c>), e.g. <c>RM</c>.</summary>
    public string? Province { get; init; }

    /// <summary>A locality within the comune (<c>descrizioneLocalita</c>).</summary>
    public string? Locality { get; init; }
}
