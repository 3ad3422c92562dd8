using System.Runtime.InteropServices;

namespace InteropHub.Sandbox;

/// <summary>
/// <c>dotnet run --project mocks/InteropHub.Sandbox</c>: the platform sandboxes on their own, until Ctrl+C. A named
/// entry point rather than top-level statements, so no global <c>Program</c> type clashes with the hub's in tests.
/// </summary>
internal static class StandaloneProgram
{
    public static async Task Main()
    {
        using var host = SandboxHost.Start();
        Console.WriteLine($"pdnd    {host.PdndUrl}");
        Console.WriteLine($"anpr    {host.AnprUrl}");
        Console.WriteLine($"pagopa  {host.PagoPaUrl}");
        Console.WriteLine("Sandboxes running; Ctrl+C to stop.");

        var stopped = new TaskCompletionSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stopped.Task;
    }
}
