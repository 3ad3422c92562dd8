using InteropHub.IntegrationTests.Infrastructure;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(LongestFirst))]

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// Starts the longest test collections first, so the run does not end waiting on one that started last (the parallel
/// threads are few: a long collection begun late is the whole run's tail). The rest keep xunit's order.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    // Longest first, as measured (each 40 s to 2 min on the 2-core machine).
    private static readonly string[] Longest =
    [
        "VerificationBatchFault", "PaymentBatchFault", HubClusterCollection.Name, "PaymentsApiTests", HubKillCollection.Name,
        "PaymentBatchTests", "InjectedAnomalyTests", "VerificationBatchTests",
    ];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. testCollections.OrderBy(c => Rank(c))];

    private static int Rank(ITestCollection collection)
    {
        var rank = Array.FindIndex(Longest, name => collection.TestCollectionDisplayName.Contains(name, StringComparison.Ordinal));
        return rank < 0 ? Longest.Length : rank;
    }
}
