using InteropHub.Contracts.Payments;

namespace InteropHub.Core.Tests.Reconciliation;

/// <summary>Reporting flows for tenant A whose header agrees with their lines unless a test says otherwise.</summary>
internal static class TestFlows
{
    public static readonly DateOnly RegulationDate = new(2026, 3, 3);

    public static ReportingFlowLine Line(int index, string iuv, string iur, decimal amount, ReportedOutcome outcome = ReportedOutcome.Executed, int transfer = 1) =>
        new(index, iuv, iur, transfer, amount, outcome, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public static ReportingFlow Flow(string flowId, IReadOnlyList<ReportingFlowLine> lines, int revision = 1, string psp = "PSPTEST01") => new()
    {
        Ref = new ReportingFlowRef(flowId, psp, revision, new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero), RegulationDate),
        Regulation = $"TRN-{flowId}-{revision}",
        RegulationDate = RegulationDate,
        PspName = "Banca Test",
        ReceiverOrganizationId = TestTenants.A.FiscalCode,
        TotalPayments = lines.Count,
        SumPayments = lines.Sum(l => l.Amount),
        Lines = lines,
    };
}
