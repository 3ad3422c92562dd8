namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>Tests that kill a hub process mid-job run one after another, so their heavy set-ups do not compete for the cores.</summary>
[CollectionDefinition(Name)]
public sealed class HubKillCollection
{
    public const string Name = "hub process kills";
}
