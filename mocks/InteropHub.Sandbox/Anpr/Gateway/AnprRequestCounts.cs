namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// What became of the requests to one e-service. <see cref="Requests"/> counts them all; the others split them by
/// outcome: answered 200, 404 EN122, other ANPR errors, replayed from a stored answer, refused by strict ModI,
/// over the daily quota, invalid against the OpenAPI, hit by an injected fault, or refused for an
/// <c>idOperazioneClient</c> lower than the last one sent (<see cref="OutOfOrder"/>).
/// </summary>
public sealed record AnprRequestCounts(
    int Requests, int Answered, int NotFound, int Rejected, int Replayed, int ModiRefused, int QuotaExceeded, int Invalid, int Faulted)
{
    public static readonly AnprRequestCounts None = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Refused with 400 999 "idOperazioneClient inferiore all'ultimo inviato": not processed, not stored.</summary>
    public int OutOfOrder { get; init; }

    /// <summary>Refused by a burst of 429 <c>TooManyRequests</c> (<see cref="AnprFaults.Bursts"/>): not processed, not counted against the quota.</summary>
    public int Throttled { get; init; }

    /// <summary>The requests ANPR processed: answered afresh (200, 404 or another error) or replayed.</summary>
    public int Processed => Answered + NotFound + Rejected + Replayed;
}
