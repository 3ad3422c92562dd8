using System.Runtime.InteropServices;
using InteropHub.Sandbox;

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
