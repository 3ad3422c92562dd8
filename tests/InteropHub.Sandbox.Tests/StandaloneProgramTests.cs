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
}
