using System.Collections.Immutable;
using System.Text;
using WireMock;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// <c>POST {segment}/v1/anpr-service-e002</c>: the gateway in front (faults, strict ModI, daily quota, OpenAPI
/// validation), then ANPR (replay by idOperazioneClient, refusal of a new id lower than the last,
/// the service's answer), with counters at each step.
/// </summary>
internal sealed class E002Endpoint(
    ServiceAnswers answers,
    OperationStore operations,
    DailyQuotas quotas,
    ModiVerifier verifier,
    RefusalLog refusals,
    FaultInjector faults,
    AnprRequestLog log,
    AnprIds govWayIds,
    IEnumerable<string> strictModi,
    TimeProvider time)
{
    private ImmutableHashSet<string> _strict = [.. strictModi];

    public IReadOnlySet<string> StrictModi => Volatile.Read(ref _strict);

    public void SetStrictModi(string service, bool enabled) =>
        ImmutableInterlocked.Update(ref _strict, set => enabled ? set.Add(service) : set.Remove(service));

    public async Task<IResponseMessage> HandleAsync(AnprService service, IRequestMessage request)
    {
        var body = request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? string.Empty);
        var e002 = E002Request.Parse(body);
        var transaction = govWayIds.Next();
        var injected = await faults.DelayOrFailAsync(() => log.Received(service.Code, e002.OperationId), transaction, answers.Unavailable)
            .ConfigureAwait(false);
        if (injected is not null)
        {
            log.Count(service.Code, injected.Status == 429 ? c => c with { Throttled = c.Throttled + 1 } : c => c with { Faulted = c.Faulted + 1 });
            return injected.ToResponse(transaction);
        }

        return (await AnswerAsync(service, request, body, e002, transaction).ConfigureAwait(false)).ToResponse(transaction);
    }

    private async Task<AnprAnswer> AnswerAsync(AnprService service, IRequestMessage request, byte[] body, E002Request e002, string transaction)
    {
        var now = time.GetUtcNow();
        if (StrictModi.Contains(service.Code))
        {
            var reasons = await verifier.VerifyAsync(service, request, body, now).ConfigureAwait(false);
            if (reasons.Count > 0)
            {
                refusals.Add(new AnprModiRefusal(transaction, service.Code, now, reasons));
                log.Count(service.Code, c => c with { ModiRefused = c.ModiRefused + 1 });
                return GovWayProblems.InteroperabilityInvalidRequest(transaction);
            }
        }

        var consumer = Consumer.Of(request);
        var today = RomeTime.Today(time);
        if (!quotas.TryConsume(consumer, service.Code, today))
        {
            log.Count(service.Code, c => c with { QuotaExceeded = c.QuotaExceeded + 1 });
            return GovWayProblems.LimitExceeded(transaction);
        }

        if (e002.Violations.Count > 0)
        {
            log.Count(service.Code, c => c with { Invalid = c.Invalid + 1 });
            return GovWayProblems.InvalidRequestContent(transaction, e002.Violations);
        }

        var (answer, outcome) = operations.GetOrAnswer(consumer, e002.OperationId!, () => answers.Answer(service, e002, today), answers.OutOfOrder);
        switch (outcome)
        {
            case OperationOutcome.Replayed:
                log.Count(service.Code, c => c with { Replayed = c.Replayed + 1 });
                break;
            case OperationOutcome.OutOfOrder:
                log.Count(service.Code, c => c with { OutOfOrder = c.OutOfOrder + 1 });
                break;
            default:
                log.Answered(service.Code, answer.Status);
                break;
        }

        return answer;
    }
}
