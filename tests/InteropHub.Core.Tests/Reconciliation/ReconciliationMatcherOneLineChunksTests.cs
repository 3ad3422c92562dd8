namespace InteropHub.Core.Tests.Reconciliation;

/// <summary>Every rule of the matcher again with one line per transaction: chunks must not change what a pass decides.</summary>
public sealed class ReconciliationMatcherOneLineChunksTests : ReconciliationMatcherTests
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hub:Reconciliation:LinesPerTransaction"] = "1" };
}
