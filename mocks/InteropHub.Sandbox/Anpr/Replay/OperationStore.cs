namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// ANPR's memory of operations: a repeated <c>idOperazioneClient</c> from the same consumer gets the answer given
/// the first time, whatever the new request says (C001 spec; anpr.md §2.1). Kept per consumer across services, as
/// ANPR keeps it per ente: a hub that reuses an id for another service gets the first service's answer back.
/// </summary>
internal sealed class OperationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Consumer, string OperationId), AnprAnswer> _answers = [];

    /// <summary>The stored answer, or the new one from <paramref name="answer"/>, stored; one at a time so two equal ids cannot both be answered afresh.</summary>
    public (AnprAnswer Answer, bool Replayed) GetOrAnswer(string consumer, string operationId, Func<AnprAnswer> answer)
    {
        lock (_lock)
        {
            if (_answers.TryGetValue((consumer, operationId), out var stored))
            {
                return (stored, true);
            }

            var fresh = answer();
            _answers[(consumer, operationId)] = fresh;
            return (fresh, false);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _answers.Clear();
        }
    }
}
