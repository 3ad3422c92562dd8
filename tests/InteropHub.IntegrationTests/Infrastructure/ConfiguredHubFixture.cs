namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>One hub per test class, with the two <see cref="TestTenants"/> and every adapter off.</summary>
public sealed class ConfiguredHubFixture : IAsyncLifetime
{
    public HubFactory Hub { get; } = new(TestTenants.Settings());

    public ValueTask InitializeAsync()
    {
        _ = Hub.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
