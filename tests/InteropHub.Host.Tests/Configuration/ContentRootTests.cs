using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace InteropHub.Host.Tests.Configuration;

/// <summary>
/// The hub started as its own process from an unrelated working directory (one holding another program's
/// appsettings.json that logs every database command) reads the appsettings.json beside it, and keeps its data under
/// the working directory as the README says.
/// </summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "interophub-host-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_hub_started_from_another_folder_reads_its_own_appsettings_and_keeps_its_data_in_the_working_directory()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(
            Path.Combine(_directory, "appsettings.json"),
            """{ "Logging": { "LogLevel": { "Microsoft.EntityFrameworkCore.Database.Command": "Information" } } }""",
            ct);
        var port = FreePort();
        var output = new StringBuilder();
        using var hub = StartHub(port, output);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            Assert.True(await ReadyAsync(hub, client, ct), $"The hub never became ready:\n{Snapshot(output)}");
            client.DefaultRequestHeaders.Add("X-Api-Key", "sandbox-key-a");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/v1/payments", UriKind.Relative), ct)).StatusCode);
        }
        finally
        {
            hub.Kill(entireProcessTree: true);
            await hub.WaitForExitAsync(CancellationToken.None);
        }

        var log = Snapshot(output);
        Assert.Contains($"Content root path: {AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)}", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", log, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "data", "interophub.db")), log);
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "data")), "The hub wrote its data beside its binaries.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Process StartHub(int port, StringBuilder output)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "interophub.dll"));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");

        // The test runner's own environment must not choose the content root for the hub.
        start.Environment.Remove("DOTNET_CONTENTROOT");
        start.Environment.Remove("ASPNETCORE_CONTENTROOT");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The hub process did not start.");
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> ReadyAsync(Process hub, HttpClient client, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 600 && !hub.HasExited; attempt++)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative), ct)).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Not answering yet.
            }

            // Another process: no clock to fake, so poll.
            await Task.Delay(100, ct);
        }

        return false;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
