namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that run several hub processes on one PostgreSQL database run one after another, beside (not after) the
/// single-hub kill tests of <see cref="HubKillCollection"/>, so two heavy set-ups at most compete for the cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HubClusterCollection
{
    public const string Name = "hub clusters";
}
