using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// The hub as its own operating-system process (<c>dotnet interophub.dll</c>), on a free loopback port, so a test can
/// kill it outright — no graceful stop, no finally blocks — and start another on the same database.
/// </summary>
public sealed class HubProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HubProcess(Process process, Uri address)
    {
        _process = process;

        // A test process that ends without disposing this one (aborted on its timeout) must not leave the hub running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillQuietly();
        Address = address;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>What the process wrote so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the hub with <paramref name="settings"/> over <paramref name="directory"/> and waits until it answers /health/live.</summary>
    public static async Task<HubProcess> StartAsync(string directory, IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        // A free port is free when asked, not when the hub binds it: another test's process may take it in between.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortAsync(directory, settings, cancellationToken);
            }
            catch (PortTakenException) when (attempt < 5)
            {
                // Asked again for a port.
            }
        }
    }

    private static async Task<HubProcess> StartOnFreePortAsync(string directory, IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "interophub.dll"));
        foreach (var argument in HostArguments.For(directory, settings).Where(a => !a.StartsWith("--urls=", StringComparison.Ordinal)))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        var hub = new HubProcess(Process.Start(start) ?? throw new InvalidOperationException("The hub process did not start."), new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = hub.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (hub._process.HasExited)
            {
                var (exitCode, output) = (hub._process.ExitCode, hub.Output);
                hub.Dispose();
                throw output.Contains($"Failed to bind to address http://127.0.0.1:{port}: address already in use", StringComparison.Ordinal)
                    ? new PortTakenException()
                    : new InvalidOperationException($"The hub process exited with {exitCode}:\n{output}");
            }

            try
            {
                if ((await probe.GetAsync(new Uri("/health/live", UriKind.Relative), cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return hub;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not answering yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        hub.Dispose();
        throw new TimeoutException($"The hub process did not become live:\n{hub.Output}");
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Waits (bounded, polling) until <paramref name="condition"/> holds: there is no clock to fake across processes.</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        if (!await Polling.UntilAsync(condition, cancellationToken))
        {
            throw new TimeoutException($"The hub process never got there:\n{Output}");
        }
    }

    /// <summary>Kills the process at once (SIGKILL) and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    private void KillQuietly()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Disposed already, or never started.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class PortTakenException : Exception;
}
