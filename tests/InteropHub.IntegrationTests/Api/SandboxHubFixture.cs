using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Api;

/// <summary>One sandbox-mode hub (demo tenants, every adapter on its sandbox) per test class.</summary>
public sealed class SandboxHubFixture : IAsyncLifetime
{
    public HubFactory Hub { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = Hub.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
