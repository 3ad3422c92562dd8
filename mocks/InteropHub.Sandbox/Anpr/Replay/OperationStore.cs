namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// ANPR's memory of operations, per consumer (the voucher's client_id) across services, as ANPR keeps it per ente
/// (C001 spec; anpr.md §2.1): a repeated <c>idOperazioneClient</c> gets the answer given the first time, whatever the
/// new request says; a new numeric id lower than the highest one already answered is refused and not stored, so the
/// same id is refused again. Alphanumeric ids, which the C003/C021/C030 specs allow, are not ordered.
/// </summary>
internal sealed class OperationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Consumer, string OperationId), AnprAnswer> _answers = [];
    private readonly Dictionary<string, string> _highest = new(StringComparer.Ordinal);

    /// <summary>
    /// The stored answer, a refusal from <paramref name="outOfOrder"/>, or the new one from <paramref name="answer"/>,
    /// stored; one at a time, so two equal ids cannot both be answered afresh nor two ids be ordered wrongly.
    /// </summary>
    public (AnprAnswer Answer, OperationOutcome Outcome) GetOrAnswer(string consumer, string operationId, Func<AnprAnswer> answer, Func<AnprAnswer> outOfOrder)
    {
        lock (_lock)
        {
            if (_answers.TryGetValue((consumer, operationId), out var stored))
            {
                return (stored, OperationOutcome.Replayed);
            }

            var numeric = NumericId.Normalize(operationId);
            var highest = _highest.GetValueOrDefault(consumer);
            if (numeric is not null && highest is not null && NumericId.Compare(numeric, highest) < 0)
            {
                return (outOfOrder(), OperationOutcome.OutOfOrder);
            }

            var fresh = answer();
            _answers[(consumer, operationId)] = fresh;
            if (numeric is not null)
            {
                _highest[consumer] = numeric;
            }

            return (fresh, OperationOutcome.Answered);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _answers.Clear();
            _highest.Clear();
        }
    }
}

/// <summary>How <see cref="OperationStore"/> dealt with an id.</summary>
internal enum OperationOutcome
{
    Answered,
    Replayed,
    OutOfOrder,
}
