using InteropHub.Host.Adapters;
using InteropHub.Host.Configuration;

namespace InteropHub.Host;

/// <summary>Builds and runs the hub: API and worker in one process.</summary>
internal static class HubApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(HubPaths.WebOptions(args)).WithDataRoot(args);
        builder.AddHub(AdapterPlugins.All);
        var app = builder.Build();
        app.UseHub();
        return app;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        await app.RunAsync();
        return 0;
    }
}
