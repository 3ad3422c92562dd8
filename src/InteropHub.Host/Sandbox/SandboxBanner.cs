using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace InteropHub.Host.Sandbox;

/// <summary>Prints, once the server listens, everything a newcomer needs for a first curl session.</summary>
internal sealed class SandboxBanner(IServer server, IHostApplicationLifetime lifetime, HubRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var hubUrl = addresses.FirstOrDefault();
            if (hubUrl is null || runtime.Platforms is not { } sandbox)
            {
                return;
            }

            var banner = new StringBuilder()
                .AppendLine()
                .AppendLine("InteropHub is running in SANDBOX MODE — no real platform is reached.")
                .AppendLine($"  Hub:      {hubUrl}")
                .AppendLine($"  OpenAPI:  {hubUrl}/openapi/v1.json")
                .AppendLine($"  Health:   {hubUrl}/health/ready")
                .AppendLine($"  Sandboxes: PDND {sandbox.PdndUrl}  ANPR {sandbox.AnprUrl}  pagoPA {sandbox.PagoPaUrl}")
                .AppendLine($"  Demo tenants: demo-a (X-Api-Key: {DemoTenants.KeyA})  demo-b (X-Api-Key: {DemoTenants.KeyB})")
                .AppendLine($"  Try:      curl -H 'X-Api-Key: {DemoTenants.KeyA}' {hubUrl}/v1/admin/adapters")
                .AppendLine();
            Console.Out.Write(banner.ToString());
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
