namespace InteropHub.Sandbox.Anpr;

/// <summary>Today's requests of one consumer (the voucher's client_id) to one service, as the daily quota counts them.</summary>
public sealed record AnprQuotaUsage(string Consumer, string Service, int Used);
