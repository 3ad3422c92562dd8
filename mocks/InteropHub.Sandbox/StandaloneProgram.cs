using System.Runtime.InteropServices;

namespace InteropHub.Sandbox;

/// <summary>
/// <c>dotnet run --project mocks/InteropHub.Sandbox [-- --pdnd-port N --anpr-port N --pagopa-port N]</c>: the platform
/// sandboxes on their own, until Ctrl+C; fixed ports let several hub instances share them. A named entry point rather
/// than top-level statements, so no global <c>Program</c> type clashes with the hub's in tests.
/// </summary>
internal static class StandaloneProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (!TryReadPorts(args, out var ports, out var error))
        {
            await Console.Error.WriteLineAsync($"{error}\nUsage: InteropHub.Sandbox [--pdnd-port N] [--anpr-port N] [--pagopa-port N] (1-65535; a free port when absent)");
            return 2;
        }

        SandboxHost host;
        try
        {
            host = SandboxHost.Start(new SandboxSettings { Ports = ports });
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            await Console.Error.WriteLineAsync($"The sandboxes could not listen on the ports asked for ({ports.Pdnd}, {ports.Anpr}, {ports.PagoPa}): {e.Message}");
            return 2;
        }

        using var running = host;
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
        return 0;
    }

    private static bool TryReadPorts(string[] args, out SandboxPorts ports, out string error)
    {
        ports = new SandboxPorts();
        error = string.Empty;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                error = $"{args[i]} needs a port number from 1 to 65535.";
                return false;
            }

            switch (args[i])
            {
                case "--pdnd-port": ports = ports with { Pdnd = port }; break;
                case "--anpr-port": ports = ports with { Anpr = port }; break;
                case "--pagopa-port": ports = ports with { PagoPa = port }; break;
                default:
                    error = $"Unknown argument {args[i]}.";
                    return false;
            }
        }

        return true;
    }
}
