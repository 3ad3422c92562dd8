using System.Globalization;
using InteropHub.Core.Reconciliation;

namespace InteropHub.Core.Tests.Reconciliation;

public sealed class FlowIdsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ids_of_one_millisecond_ascend_in_the_order_they_are_made()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => FlowIds.Next(Now).ToString()).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Ids_are_version_7_of_their_instant()
    {
        var id = FlowIds.Next(Now.AddMilliseconds(7));

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        Assert.Equal(Now.AddMilliseconds(7).ToUnixTimeMilliseconds(), long.Parse(id.ToString("N")[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Many_concurrent_callers_get_distinct_ids()
    {
        var batches = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Enumerable.Range(0, 200).Select(_ => FlowIds.Next(Now)).ToList())));

        Assert.Equal(16 * 200, batches.SelectMany(b => b).Distinct().Count());
    }
}
