namespace InteropHub.Sandbox.PagoPa;

/// <summary>A GPD refusal: the HTTP status and the ProblemJson title and detail GPD answers with.</summary>
public sealed class GpdProblem(int status, string title, string detail) : Exception($"{status} {title}: {detail}")
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string Detail { get; } = detail;
}
