namespace InteropHub.Host.Configuration;

/// <summary>A configuration the hub refuses to start with; the command line prints the problems and exits non-zero.</summary>
internal sealed class HubStartupException(string summary, IReadOnlyList<string> problems)
    : Exception(summary + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public string Summary { get; } = summary;

    public IReadOnlyList<string> Problems { get; } = problems;
}
