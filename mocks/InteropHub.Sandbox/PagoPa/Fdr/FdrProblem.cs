namespace InteropHub.Sandbox.PagoPa.Fdr;

/// <summary>An FdR refusal: HTTP status, FdR's appErrorCode and the message of its one error (docs/platforms/pagopa.md §3.2).</summary>
internal sealed class FdrProblem(int status, string code, string message, string? path = null) : Exception($"{status} {code}: {message}")
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Detail { get; } = message;

    public string? Path { get; } = path;

    public static FdrProblem BadRequest(string path, string message) => new(400, "FDR-1000", message, path);

    public static FdrProblem TooOld(string path) => BadRequest(path, "The date cannot be older than 30 days");

    public static FdrProblem NotFound(string flowId) => new(404, "FDR-3001", $"Flow with ID [{flowId}] not found.");

    public static FdrProblem DateNotCompliant(string flowId) => new(400, "FDR-3008", $"Flow identifier [{flowId}] contains a date that is not compliant.");

    public static FdrProblem PspNotCompliant(string flowId) => new(400, "FDR-3009", $"Flow identifier [{flowId}] contains a PSP ID that is not compliant.");
}
