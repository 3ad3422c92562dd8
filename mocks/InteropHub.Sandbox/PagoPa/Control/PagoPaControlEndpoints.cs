using System.Globalization;
using InteropHub.Sandbox.PagoPa.Gpd;
using WireMock;
using WireMock.Server;

namespace InteropHub.Sandbox.PagoPa.Control;

/// <summary>The pagoPA sandbox's control surface under <c>/__sandbox/pagopa</c>: the HTTP face of <see cref="PagoPaSandbox"/>.</summary>
internal static class PagoPaControlEndpoints
{
    private const string Root = "/__sandbox/pagopa";

    public static void Map(WireMockServer server, PagoPaSandbox pagoPa)
    {
        On(server, "POST", $"{Root}/pay", request =>
        {
            var body = Body<PayRequest>(request);
            var payment = new PagoPaPayment(
                body.OrganizationFiscalCode ?? throw new ArgumentException("organizationFiscalCode is required."),
                body.NoticeNumber,
                body.Iuv)
            {
                Amount = body.Amount,
                PspId = body.PspId ?? "SANDBOXPSP01",
                PspName = body.PspName ?? "Sandbox PSP S.p.A.",
                Fee = body.Fee ?? 100,
                PaymentMethod = body.PaymentMethod ?? "CP",
                PaymentDateTime = body.PaymentDateTime,
                ReceiptId = body.ReceiptId,
            };
            var receipt = pagoPa.Pay(payment);
            return SandboxJson.Response(201, Receipt(receipt));
        });

        On(server, "POST", $"{Root}/flows/publish", request =>
        {
            var body = Body<PublishFlowsRequest>(request);
            var date = body.Date is null ? (DateOnly?)null
                : DateOnly.TryParseExact(body.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
                : throw new ArgumentException("date must be YYYY-MM-DD.");
            var flows = pagoPa.PublishFlows(
                body.OrganizationFiscalCode ?? throw new ArgumentException("organizationFiscalCode is required."),
                date,
                (body.Anomalies ?? []).Select(Anomaly));
            return SandboxJson.Response(201, new { flows = flows.Select(Flow) });
        });

        On(server, "GET", $"^{Root}/organizations/[^/]+/positions$", request =>
        {
            var organization = Uri.UnescapeDataString(request.PathSegments[3]);
            return SandboxJson.Response(200, new
            {
                positions = pagoPa.Positions(organization).Select(p => new
                {
                    p.OrganizationFiscalCode,
                    p.Iupd,
                    status = GpdResponses.Wire(p.Status),
                    p.InsertedDate,
                    p.PublishDate,
                    p.PaymentDate,
                    options = p.Options.Select(o => new
                    {
                        o.Iuv,
                        o.Nav,
                        o.Amount,
                        o.IsPartialPayment,
                        o.DueDate,
                        status = GpdResponses.Wire(o.Status),
                        receipt = o.Receipt is { } r ? Receipt(r) : null,
                    }),
                }),
            });
        });

        On(server, "PUT", $"{Root}/faults", request =>
        {
            var body = Body<PagoPaFaultsSetting>(request);
            pagoPa.Faults = new PagoPaFaults(
                TimeSpan.FromMilliseconds(body.LatencyMs ?? 0),
                body.ErrorRatio ?? 0,
                body.LostResponseRatio ?? 0,
                body.LostResponse ?? LostResponseKind.ServerError)
            {
                HoldAfterWrite = TimeSpan.FromMilliseconds(body.HoldAfterWriteMs ?? 0),
                OnlyKeys = body.OnlyKeys is { } keys ? keys.ToHashSet(StringComparer.Ordinal) : null,
                LatencyAfterCalls = body.LatencyAfterCalls ?? 0,
                MaxLatency = TimeSpan.FromMilliseconds(body.MaxLatencyMs ?? 0),
                LatencyRatio = body.LatencyRatio ?? 1,
                Bursts = body.Bursts?.ToBursts(),
                Seed = body.Seed,
            };
            return SandboxJson.Response(200, new
            {
                latencyMs = (long)pagoPa.Faults.Latency.TotalMilliseconds,
                pagoPa.Faults.ErrorRatio,
                pagoPa.Faults.LostResponseRatio,
                pagoPa.Faults.LostResponse,
                holdAfterWriteMs = (long)pagoPa.Faults.HoldAfterWrite.TotalMilliseconds,
                onlyKeys = pagoPa.Faults.OnlyKeys?.Order(StringComparer.Ordinal),
                pagoPa.Faults.LatencyAfterCalls,
                maxLatencyMs = (long)pagoPa.Faults.MaxLatency.TotalMilliseconds,
                pagoPa.Faults.LatencyRatio,
                bursts = ThrottleBurstsSetting.Of(pagoPa.Faults.Bursts),
                pagoPa.Faults.Seed,
            });
        });

        On(server, "GET", $"{Root}/requests", _ => SandboxJson.Response(200, new { subscriptionKeys = pagoPa.RequestCounts() }));

        On(server, "DELETE", $"{Root}/requests", _ =>
        {
            pagoPa.ResetRequestCounts();
            return SandboxJson.Empty(204);
        });
    }

    private static FlowAnomaly Anomaly(string name) =>
        Enum.GetValues<FlowAnomaly>().FirstOrDefault(a => KebabCase(a) == name) is var anomaly && KebabCase(anomaly) == name
            ? anomaly
            : throw new ArgumentException($"Unknown anomaly '{name}'; known: {string.Join(", ", Enum.GetValues<FlowAnomaly>().Select(KebabCase))}.");

    private static string KebabCase(FlowAnomaly anomaly) => GpdResponses.Wire(anomaly).Replace('_', '-').ToLowerInvariant();

    private static object Flow(PagoPaFlow f) => new
    {
        fdr = f.FlowId,
        f.PspId,
        f.Revision,
        published = f.Published,
        regulationDate = f.RegulationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        f.Regulation,
        receiverOrganizationId = f.ReceiverOrganizationId,
        totPayments = f.TotalPayments,
        sumPayments = f.SumPayments,
        payments = f.Lines.Select(l => new { l.Index, l.Iuv, l.Iur, l.IdTransfer, l.Pay, l.PayStatus, l.PayDate }),
    };

    private static object Receipt(PagoPaReceipt r) => new
    {
        r.ReceiptId,
        r.OrganizationFiscalCode,
        r.Iupd,
        r.NoticeNumber,
        r.Iuv,
        r.Amount,
        r.Fee,
        idPsp = r.PspId,
        pspCompanyName = r.PspName,
        r.PaymentMethod,
        paymentDateTime = GpdDates.Format(r.PaymentDateTime),
        positionStatus = GpdResponses.Wire(r.PositionStatus),
    };

    private static void On(WireMockServer server, string method, string path, Func<IRequestMessage, IResponseMessage> handle) =>
        SandboxRoutes.Map(server, method, path, message => Answer(handle, message));

    private static IResponseMessage Answer(Func<IRequestMessage, IResponseMessage> handle, IRequestMessage request)
    {
        try
        {
            return handle(request);
        }
        catch (GpdProblem problem)
        {
            return SandboxJson.Response(problem.Status, GpdResponses.Problem(problem));
        }
        catch (ArgumentException e)
        {
            return SandboxJson.Response(400, new { error = e.Message });
        }
    }

    private static T Body<T>(IRequestMessage request)
        where T : class =>
        SandboxJson.Body<T>(request) ?? throw new ArgumentException("The body must be a JSON object of the documented shape.");
}
