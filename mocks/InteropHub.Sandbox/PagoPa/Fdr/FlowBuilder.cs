using System.Globalization;
using InteropHub.Sandbox.PagoPa.Gpd;

namespace InteropHub.Sandbox.PagoPa.Fdr;

/// <summary>
/// Builds the flows a PSP would publish for one organization and one day: one per PSP, one EXECUTED line per transfer
/// credited to the organization, header totals from the lines; then puts the requested <see cref="FlowAnomaly"/>s
/// into the first flow, in a fixed order whatever order they were asked in.
/// </summary>
internal static class FlowBuilder
{
    public const string OtherOrganization = "99999999999";

    private static readonly decimal OneEuro = Euro.FromCents(100);

    /// <summary>The flows; <paramref name="number"/> gives a PSP's next flow number on the day, <paramref name="unknownIuv"/> a fresh IUV (after a two-digit prefix) the organization never issued.</summary>
    public static IReadOnlyList<PagoPaFlow> Build(
        string organization,
        DateOnly date,
        IReadOnlyList<PaidNotice> notices,
        IReadOnlySet<FlowAnomaly> anomalies,
        DateTimeOffset now,
        Func<string, int> number,
        Func<string, string> unknownIuv)
    {
        var flows = new List<PagoPaFlow>();
        foreach (var psp in notices.GroupBy(n => n.Receipt.PspId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var lines = Lines(organization, psp);
            if (lines.Count == 0)
            {
                continue;
            }

            var n = number(psp.Key);
            var flow = new PagoPaFlow(
                $"{date:yyyy-MM-dd}{psp.Key}-{n:D7}",
                psp.Key,
                psp.First().Receipt.PspName,
                1,
                now,
                date,
                Truncate($"SCT{date:yyyyMMdd}{psp.Key}{n:D4}", 35),
                organization,
                organization,
                psp.First().CompanyName,
                lines.Count,
                lines.Sum(l => l.Pay),
                lines);
            if (flows.Count == 0 && anomalies.Count > 0)
            {
                flows.AddRange(WithAnomalies(flow, anomalies, now, unknownIuv));
            }
            else
            {
                flows.Add(flow);
            }
        }

        return flows;
    }

    private static List<PagoPaFlowLine> Lines(string organization, IEnumerable<PaidNotice> notices)
    {
        var lines = new List<PagoPaFlowLine>();
        foreach (var notice in notices)
        {
            var receipt = notice.Receipt;
            var payDate = new DateTimeOffset(DateTime.SpecifyKind(receipt.PaymentDateTime, DateTimeKind.Utc));
            foreach (var transfer in notice.Transfers.Where(t => t.OrganizationFiscalCode == organization).OrderBy(t => t.IdTransfer, StringComparer.Ordinal))
            {
                lines.Add(new PagoPaFlowLine(
                    lines.Count + 1,
                    receipt.Iuv,
                    receipt.ReceiptId,
                    int.Parse(transfer.IdTransfer, CultureInfo.InvariantCulture),
                    Euro.FromCents(transfer.Amount),
                    "EXECUTED",
                    payDate));
            }
        }

        return lines;
    }

    private static IEnumerable<PagoPaFlow> WithAnomalies(PagoPaFlow flow, IReadOnlySet<FlowAnomaly> anomalies, DateTimeOffset now, Func<string, string> unknownIuv)
    {
        var lines = flow.Lines.ToList();
        if (anomalies.Contains(FlowAnomaly.AmountChanged))
        {
            lines[0] = lines[0] with { Pay = lines[0].Pay + OneEuro };
        }

        if (anomalies.Contains(FlowAnomaly.DuplicateLine))
        {
            lines.Add(lines[0] with { Index = lines.Count + 1 });
        }

        if (anomalies.Contains(FlowAnomaly.UnknownIuv))
        {
            lines.Add(new PagoPaFlowLine(lines.Count + 1, unknownIuv("99"), $"UNKNOWN-{lines.Count + 1}", 1, Euro.FromCents(1000), "EXECUTED", now));
        }

        if (anomalies.Contains(FlowAnomaly.NoRpt))
        {
            lines.Add(new PagoPaFlowLine(lines.Count + 1, unknownIuv("98"), $"NORPT-{lines.Count + 1}", 1, Euro.FromCents(500), "NO_RPT", now));
        }

        var total = lines.Count;
        var sum = lines.Sum(l => l.Pay);
        if (anomalies.Contains(FlowAnomaly.LineMissing))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var published = flow with
        {
            Lines = lines,
            TotalPayments = total + (anomalies.Contains(FlowAnomaly.HeaderCountWrong) ? 1 : 0),
            SumPayments = sum + (anomalies.Contains(FlowAnomaly.HeaderSumWrong) ? OneEuro : 0),
        };
        if (anomalies.Contains(FlowAnomaly.OtherReceiver))
        {
            published = published with { ReceiverOrganizationId = OtherOrganization, ReceiverOrganizationName = "Altro Ente Creditore" };
        }

        yield return published;
        if (anomalies.Contains(FlowAnomaly.NewRevision))
        {
            // A second later, so a reader that stored revision 1's publication time still sees revision 2 as newer.
            yield return published with { Revision = 2, Published = now.AddSeconds(1) };
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
