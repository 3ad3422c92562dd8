namespace InteropHub.Sandbox.PagoPa;

/// <summary>
/// A reporting flow (FdR) revision the sandbox published for an organization (docs/platforms/pagopa.md §3.2): its header and lines,
/// amounts in decimal euro as FdR reports them.
/// </summary>
public sealed record PagoPaFlow(
    string FlowId,
    string PspId,
    string PspName,
    int Revision,
    DateTimeOffset Published,
    DateOnly RegulationDate,
    string Regulation,
    string OrganizationFiscalCode,
    string ReceiverOrganizationId,
    string ReceiverOrganizationName,
    int TotalPayments,
    decimal SumPayments,
    IReadOnlyList<PagoPaFlowLine> Lines);

/// <summary>One line of a flow: the transfer <paramref name="IdTransfer"/> of the payment of <paramref name="Iuv"/> with receipt <paramref name="Iur"/>.</summary>
public sealed record PagoPaFlowLine(int Index, string Iuv, string Iur, int IdTransfer, decimal Pay, string PayStatus, DateTimeOffset PayDate);
