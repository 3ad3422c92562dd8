using System.Globalization;

namespace InteropHub.Adapters.Anpr.Ordering;

/// <summary>
/// One <c>idOperazioneClient</c> and its place in its tenant's line: it may go to the network once every lower id of
/// the tenant has gone or been given up. Disposing gives the place up (a call that failed before sending, or ended).
/// </summary>
internal sealed class OperationTicket : IDisposable
{
    public const string OptionsKeyName = "InteropHub.Anpr.OperationTicket";

    private readonly OperationSequencer.TenantLine _line;

    internal OperationTicket(long id, OperationSequencer.TenantLine line)
    {
        Id = id;
        _line = line;
    }

    public static HttpRequestOptionsKey<OperationTicket> OptionsKey { get; } = new(OptionsKeyName);

    public long Id { get; }

    public string Text => Id.ToString(CultureInfo.InvariantCulture);

    internal LinkedListNode<OperationTicket>? Node { get; set; }

    internal TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every lower id of the tenant has gone or been given up.</summary>
    public Task WaitTurnAsync(CancellationToken cancellationToken) => Turn.Task.WaitAsync(cancellationToken);

    /// <summary>Takes this id out of the line (it went, or was given up), letting the next one go; idempotent.</summary>
    public void Leave() => _line.Leave(this);

    public void Dispose() => Leave();
}
