namespace InteropHub.Core.Verifications;

/// <summary>One fiscal code of a batch as stored, with the answers gathered so far or the problem that ended it.</summary>
internal sealed class VerificationItemRow
{
    public Guid BatchId { get; init; }

    public int Index { get; init; }

    public required string FiscalCode { get; init; }

    /// <summary>The declared identity as JSON, for identity checks.</summary>
    public string? IdentityJson { get; init; }

    public VerificationItemStatus Status { get; set; }

    /// <summary>The answers so far as a JSON object of check to outcome, e.g. <c>{"Alive":"Confirmed"}</c>.</summary>
    public string? ResultsJson { get; set; }

    public string? ProblemCode { get; set; }

    public string? ProblemDetail { get; set; }

    public int Attempts { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
