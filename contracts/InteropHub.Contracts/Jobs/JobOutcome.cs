namespace InteropHub.Contracts.Jobs;

/// <summary>What a run did, recorded in the run history: a one-line summary and named counts.</summary>
public sealed record JobOutcome(string Summary, IReadOnlyDictionary<string, long> Counts)
{
    public static JobOutcome Of(string summary, params (string Name, long Value)[] counts) =>
        new(summary, counts.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal));
}
