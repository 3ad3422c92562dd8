using System.Diagnostics;

namespace InteropHub.Sandbox.Tests;

/// <summary>`dotnet run --project mocks/InteropHub.Sandbox`: prints the URLs, serves, and stops on SIGTERM.</summary>
public sealed class StandaloneProgramTests
{
    [Fact]
    public async Task Program_prints_one_url_per_platform_serves_them_and_stops_on_sigterm()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var program = Process.Start(new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "InteropHub.Sandbox"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            var lines = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                lines.Add(await program.StandardOutput.ReadLineAsync(timeout.Token) ?? "");
            }

            var urls = lines.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.Equal(["pdnd", "anpr", "pagopa"], urls.Select(parts => parts[0]));
            using var http = new HttpClient();
            using var health = await http.GetAsync(new Uri(new Uri(urls[1][1]), "__sandbox/health"), timeout.Token);
            Assert.Equal("""{"platform":"anpr","status":"ok"}""", await health.Content.ReadAsStringAsync(timeout.Token));

            using (var terminate = Process.Start("kill", ["-TERM", program.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await terminate.WaitForExitAsync(timeout.Token);
            }

            await program.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, program.ExitCode);
        }
        finally
        {
            if (!program.HasExited)
            {
                program.Kill();
            }
        }
    }
    [Fact]
    public async Task Program_listens_on_the_ports_it_is_given_so_several_hubs_can_share_it()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        int[] ports = [FreePort(), FreePort(), FreePort()];
        using var program = Start("--pagopa-port", $"{ports[2]}", "--pdnd-port", $"{ports[0]}", "--anpr-port", $"{ports[1]}");
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var line = await program.StandardOutput.ReadLineAsync(timeout.Token) ?? "";
                Assert.EndsWith($"http://127.0.0.1:{ports[i]}/", line, StringComparison.Ordinal);
            }
        }
        finally
        {
            program.Kill();
            await program.WaitForExitAsync(timeout.Token);
        }
    }

    [Theory]
    [InlineData("--pdnd-port", "0", "--pdnd-port needs a port number from 1 to 65535.")]
    [InlineData("--pdnd-port", "", "--pdnd-port needs a port number from 1 to 65535.")]
    [InlineData("--gpd-port", "7000", "Unknown argument --gpd-port.")]
    public async Task Program_refuses_a_wrong_port_argument_with_exit_code_2_naming_it(string name, string value, string message)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var program = Start(value.Length == 0 ? [name] : [name, value]);
        var error = await program.StandardError.ReadToEndAsync(timeout.Token);
        await program.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, program.ExitCode);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "InteropHub.Sandbox"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
