namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// ANPR's memory of operations, per consumer (the voucher's client_id) across services, as ANPR keeps it per ente
/// (C001 spec; docs/platforms/anpr.md §2.1): a repeated <c>idOperazioneClient</c> gets the answer given the first time, whatever the
/// new request says; a new numeric id lower than the highest one already answered is refused and not stored, so the
/// same id is refused again. Alphanumeric ids, which the C003/C021/C030 specs allow, are not ordered.
/// At most <paramref name="capacity"/> answers are kept, the oldest forgotten first; each consumer's highest numeric
/// id and its answer are kept apart, so forgetting never lets a consumer go back below it.
/// </summary>
internal sealed class OperationStore(int capacity)
{
    private readonly Lock _lock = new();
    private readonly OldestFirstMap<(string Consumer, string OperationId), AnprAnswer> _answers = new(capacity);
    private readonly Dictionary<string, (string Numeric, string OperationId, AnprAnswer Answer)> _highest = new(StringComparer.Ordinal);

    /// <summary>
    /// The stored answer, a refusal from <paramref name="outOfOrder"/>, or the new one from <paramref name="answer"/>,
    /// stored; one at a time, so two equal ids cannot both be answered afresh nor two ids be ordered wrongly.
    /// </summary>
    public (AnprAnswer Answer, OperationOutcome Outcome) GetOrAnswer(string consumer, string operationId, Func<AnprAnswer> answer, Func<AnprAnswer> outOfOrder)
    {
        lock (_lock)
        {
            var known = _highest.TryGetValue(consumer, out var highest);
            if (_answers.TryGetValue((consumer, operationId), out var stored))
            {
                return (stored, OperationOutcome.Replayed);
            }

            if (known && highest.OperationId == operationId)
            {
                return (highest.Answer, OperationOutcome.Replayed);
            }

            var numeric = NumericId.Normalize(operationId);
            if (numeric is not null && known && NumericId.Compare(numeric, highest.Numeric) < 0)
            {
                return (outOfOrder(), OperationOutcome.OutOfOrder);
            }

            var fresh = answer();
            _answers.Set((consumer, operationId), fresh);
            if (numeric is not null)
            {
                _highest[consumer] = (numeric, operationId, fresh);
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
