using System.Globalization;
using InteropHub.Sandbox.PagoPa.Gpd;

namespace InteropHub.Sandbox.PagoPa.Fdr;

/// <summary>The flows published so far, every revision kept; flow numbers count per PSP and day, as flow ids must be unique (docs/platforms/pagopa.md §3.3).</summary>
internal sealed class FdrStore
{
    private readonly Lock _lock = new();
    private readonly List<PagoPaFlow> _flows = [];
    private readonly Dictionary<(DateOnly Date, string Psp), int> _numbers = [];
    private long _unknownIuvs;

    public IReadOnlyList<PagoPaFlow> Publish(string organization, DateOnly date, IReadOnlyList<PaidNotice> notices, IReadOnlySet<FlowAnomaly> anomalies, DateTimeOffset now)
    {
        lock (_lock)
        {
            var flows = FlowBuilder.Build(organization, date, notices, anomalies, now, psp => Next(date, psp), UnknownIuv);
            _flows.AddRange(flows);
            return flows;
        }
    }

    /// <summary>The organization's flows, only the latest revision of each, oldest publication first.</summary>
    public IReadOnlyList<PagoPaFlow> Latest(string organization)
    {
        lock (_lock)
        {
            return [.. _flows
                .Where(f => f.OrganizationFiscalCode == organization)
                .GroupBy(f => (f.FlowId, f.PspId))
                .Select(g => g.MaxBy(f => f.Revision)!)
                .OrderBy(f => f.Published)
                .ThenBy(f => f.FlowId, StringComparer.Ordinal)];
        }
    }

    public PagoPaFlow? Find(string organization, string flowId, int revision, string pspId)
    {
        lock (_lock)
        {
            return _flows.FirstOrDefault(f => f.OrganizationFiscalCode == organization && f.FlowId == flowId && f.Revision == revision && f.PspId == pspId);
        }
    }

    private int Next(DateOnly date, string psp)
    {
        var n = _numbers.GetValueOrDefault((date, psp)) + 1;
        _numbers[(date, psp)] = n;
        return n;
    }

    private string UnknownIuv(string prefix) => prefix + (++_unknownIuvs).ToString("D15", CultureInfo.InvariantCulture);
}
