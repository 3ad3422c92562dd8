using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InteropHub.Benchmarks;

/// <summary>
/// The bulk push end to end over loopback HTTP: the hub's Release build started as its own process in sandbox mode (its
/// pagoPA sandbox in-process, quiet logging) on SQLite or PostgreSQL, one upload of N payments to
/// <c>POST /v1/payments/batches</c>, then the batch polled until the payments.batches job completed it. The bound is
/// GPD's limit: 100 positions per call, 100 calls per 10 s = 1,000 payments/s.
/// </summary>
internal static partial class BulkPushBenchmark
{
    private const string Key = "sandbox-key-a";
    private const double GpdBound = 1_000;

    public static async Task RunAsync(string provider, int payments, TextWriter output, CancellationToken cancellationToken)
    {
        var hubDll = HubDll();
        var database = await BenchDatabase.CreateAsync(provider, cancellationToken).ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
        {
            output.WriteLine($"provider: {(database.IsPostgreSql ? "PostgreSQL" : "SQLite")}; hub: {hubDll}; load: {Load()}");
            using var hub = await StartHubAsync(hubDll, database, cancellationToken).ConfigureAwait(false);
            try
            {
                using var client = new HttpClient { BaseAddress = hub.Address, Timeout = TimeSpan.FromMinutes(5) };
                client.DefaultRequestHeaders.Add("X-Api-Key", Key);
                var watch = Stopwatch.StartNew();
                using var upload = new HttpRequestMessage(HttpMethod.Post, "/v1/payments/batches") { Content = new StringContent(Body(payments), Encoding.UTF8, "application/json") };
                upload.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var accepted = await client.SendAsync(upload, cancellationToken).ConfigureAwait(false);
                if (accepted.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"The upload answered {(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
                }

                var uploaded = watch.Elapsed;
                output.WriteLine($"upload: {payments:N0} payments accepted in {uploaded.TotalSeconds:F2} s");
                var location = accepted.Headers.Location!.OriginalString;
                JsonElement batch;
                while ((batch = await client.GetFromJsonAsync<JsonElement>(location, cancellationToken).ConfigureAwait(false)).GetProperty("status").GetString() != "completed")
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
                }

                var pushed = watch.Elapsed - uploaded;
                var counts = batch.GetProperty("counts");
                var created = counts.GetProperty("created").GetInt32();
                output.WriteLine($"push: {counts.GetRawText()} in {pushed.TotalSeconds:F2} s after the upload = {created / pushed.TotalSeconds:F0} payments/s = {created / pushed.TotalSeconds / GpdBound:P1} of GPD's bound");
                var positions = await PositionsAtGpdAsync(client, hub.PagoPa!, cancellationToken).ConfigureAwait(false);
                output.WriteLine($"GPD holds {positions:N0} positions ({payments - positions:N0} lost, {Math.Max(0, positions - payments):N0} extra); load: {Load()}");
                output.WriteLine($"database size: {Math.Round(await database.SizeAsync(cancellationToken).ConfigureAwait(false) / 1048576d, 1)} MiB");
            }
            finally
            {
                hub.Stop();
            }
        }
    }

    /// <summary>N valid payments of one notice each (no transfers: everything to the comune's first IBAN), due in 30 days.</summary>
    private static string Body(int payments)
    {
        var due = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var array = new JsonArray();
        for (var i = 0; i < payments; i++)
        {
            array.Add(new JsonObject
            {
                ["debtor"] = new JsonObject { ["type"] = "F", ["fiscalCode"] = "RSSMRA80A01H501U", ["name"] = "Mario Rossi" },
                ["description"] = $"Mensa scolastica 2026 - {i}",
                ["amount"] = 1_000 + (i % 5_000),
                ["dueDate"] = due,
                ["taxonomyCode"] = "9/0101108TS/",
            });
        }

        return array.ToJsonString();
    }

    /// <summary>The positions GPD's sandbox holds for the comune (its fiscal code read from a payment's QR text).</summary>
    private static async Task<int> PositionsAtGpdAsync(HttpClient client, Uri pagoPa, CancellationToken cancellationToken)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/v1/payments?pageSize=1", cancellationToken).ConfigureAwait(false);
        var qr = page.GetProperty("items")[0].GetProperty("notices")[0].GetProperty("qrCode").GetString()!;
        var organization = qr.Split('|')[3];
        using var sandbox = new HttpClient { BaseAddress = pagoPa, Timeout = TimeSpan.FromMinutes(2) };
        var positions = await sandbox.GetFromJsonAsync<JsonElement>($"__sandbox/pagopa/organizations/{organization}/positions", cancellationToken).ConfigureAwait(false);
        return positions.GetProperty("positions").GetArrayLength();
    }

    internal static string HubDll()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "InteropHub.sln")))
        {
            folder = folder.Parent;
        }

        var dll = folder is null ? null : Path.Combine(folder.FullName, "src", "InteropHub.Host", "bin", "Release", "net10.0", "interophub.dll");
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException("Build the hub first: dotnet build -c Release src/InteropHub.Host");
    }

    internal static async Task<Hub> StartHubAsync(string dll, BenchDatabase database, CancellationToken cancellationToken)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = database.Folder };
        foreach (var argument in (string[])["exec", dll, $"--urls=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in database.Settings)
        {
            start.ArgumentList.Add($"--{name}={value}");
        }

        var hub = new Hub(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            return await ReadyAsync(hub, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A hub that never got ready must not outlive the benchmark.
            hub.Dispose();
            throw;
        }
    }

    private static async Task<Hub> ReadyAsync(Hub hub, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = hub.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (hub.Process.HasExited)
            {
                throw new InvalidOperationException($"The hub exited with {hub.Process.ExitCode}:\n{hub.Output}");
            }

            try
            {
                if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken).ConfigureAwait(false)).IsSuccessStatusCode && hub.PagoPa is not null)
                {
                    return hub;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or too busy starting to answer within the probe's timeout.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"The hub did not become ready:\n{hub.Output}");
    }

    internal static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    [GeneratedRegex(@"pagoPA (http://\S+)")]
    private static partial Regex PagoPaBanner();

    /// <summary>The hub's process, its output, and the pagoPA sandbox address its banner names.</summary>
    internal sealed class Hub : IDisposable
    {
        private readonly StringBuilder _output = new();

        public Hub(Process process, Uri address)
        {
            (Process, Address) = (process, address);
            process.OutputDataReceived += (_, line) => Append(line.Data);
            process.ErrorDataReceived += (_, line) => Append(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public Uri Address { get; }

        public Uri? PagoPa { get; private set; }

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

        public void Stop()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Stop();
            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (PagoPaBanner().Match(line) is { Success: true } match)
            {
                PagoPa = new Uri(match.Groups[1].Value);
            }
        }
    }
}
