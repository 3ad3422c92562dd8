namespace InteropHub.Sandbox.PagoPa.Control;

/// <summary>A citizen's payment as the control endpoint takes it; see <see cref="PagoPaPayment"/>.</summary>
internal sealed record PayRequest(
    string? OrganizationFiscalCode,
    string? NoticeNumber,
    string? Iuv,
    long? Amount,
    string? PspId,
    string? PspName,
    long? Fee,
    string? PaymentMethod,
    DateTimeOffset? PaymentDateTime,
    string? ReceiptId);

internal sealed record PagoPaFaultsSetting(
    long? LatencyMs,
    double? ErrorRatio,
    double? LostResponseRatio,
    LostResponseKind? LostResponse,
    long? HoldAfterWriteMs,
    string[]? OnlyKeys,
    int? LatencyAfterCalls,
    long? MaxLatencyMs,
    double? LatencyRatio,
    ThrottleBurstsSetting? Bursts,
    int? Seed);

/// <summary>Which organization's flows to publish, for which day (YYYY-MM-DD, today when absent), with which anomalies (kebab case).</summary>
internal sealed record PublishFlowsRequest(string? OrganizationFiscalCode, string? Date, IReadOnlyList<string>? Anomalies);
