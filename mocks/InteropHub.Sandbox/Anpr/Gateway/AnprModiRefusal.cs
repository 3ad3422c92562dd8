namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// Why strict ModI verification refused a request: what ANPR's support would read in GovWay's log for the
/// <c>govway_id</c> of the opaque 400 (issues #4698, #5382), with GovWay's own wording where it is known.
/// </summary>
public sealed record AnprModiRefusal(string GovWayId, string Service, DateTimeOffset At, IReadOnlyList<string> Reasons);
