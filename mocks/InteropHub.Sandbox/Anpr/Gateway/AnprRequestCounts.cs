namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// What became of the requests to one e-service. <see cref="Requests"/> counts them all; the others split them by
/// outcome: answered 200, 404 EN122, other ANPR errors, replayed from a stored answer, refused by strict ModI,
/// over the daily quota, invalid against the OpenAPI, or hit by an injected fault.
/// </summary>
public sealed record AnprRequestCounts(
    int Requests, int Answered, int NotFound, int Rejected, int Replayed, int ModiRefused, int QuotaExceeded, int Invalid, int Faulted)
{
    public static readonly AnprRequestCounts None = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
