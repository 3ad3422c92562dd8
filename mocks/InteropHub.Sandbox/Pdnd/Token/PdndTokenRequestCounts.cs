namespace InteropHub.Sandbox.Pdnd;

/// <summary>What happened to the token requests attributed to one client.</summary>
public sealed record PdndTokenRequestCounts(int Requests, int Issued, int Refused, int RateLimited, int Failed)
{
    public static readonly PdndTokenRequestCounts None = new(0, 0, 0, 0, 0);
}
