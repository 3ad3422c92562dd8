using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace InteropHub.Testing;

/// <summary>
/// A throw-away PostgreSQL cluster for this test process: created on first use (initdb in a temp folder, started on a
/// free loopback port), stopped and deleted when the process exits. Clusters left by killed runs are removed at start.
/// When PostgreSQL cannot be started the first test using it fails with initdb's or pg_ctl's own words, never a skip.
/// </summary>
internal static class PostgresCluster
{
    private const string PidFile = "owner.pid";
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "interophub-pg");
    private static readonly Lazy<Task<Instance>> Started = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static int _databases;

    /// <summary>Server settings for the cluster, read when it starts: tests trade durability for speed; a benchmark may not.</summary>
    public static string ServerSettings { get; set; } = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";

    /// <summary>The connection string of a new, empty database (or a copy of <paramref name="template"/>).</summary>
    public static async Task<string> CreateDatabaseAsync(string? template = null, CancellationToken cancellationToken = default)
    {
        var cluster = await Started.Value.ConfigureAwait(false);
        var name = string.Create(CultureInfo.InvariantCulture, $"hub_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}");
        // CREATE DATABASE copies its template; two copies at once would see each other as the template's users.
        await Creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Creating.Release();
        }

        return cluster.ConnectionString(name);
    }

    /// <summary>The database a connection string names (to use it as a template, for instance).</summary>
    public static string DatabaseOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    /// <summary>Drops a database created here, closing the pooled connections that still point at it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var cluster = await Started.Value.ConfigureAwait(false);
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseOf(connectionString)}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task<Instance> StartAsync()
    {
        RemoveStaleClusters();
        var folder = Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, PidFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        // initdb refuses root: the cluster then belongs to `postgres`, who must be able to write the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        }
        var data = Path.Combine(folder, "data");
        Run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(folder);

        // A port probed free can be taken before the server binds it; another one is tried then.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = string.Create(
                CultureInfo.InvariantCulture,
                $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} {ServerSettings}");
            try
            {
                Run("pg_ctl", ["start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options]);
                return new Instance(port);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Tried again on another port; the last attempt's failure is the one reported.
            }
        }
    }

    private static void Stop(string folder)
    {
        try
        {
            Run("pg_ctl", ["stop", "-m", "immediate", "-D", Path.Combine(folder, "data")]);
        }
        catch (InvalidOperationException)
        {
            // Not running (never started, or already gone): there is only the folder to delete.
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed by the next run's stale-cluster sweep.
        }
    }

    private static void RemoveStaleClusters()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(Root))
        {
            var pidPath = Path.Combine(folder, PidFile);
            if (!File.Exists(pidPath) || !int.TryParse(File.ReadAllText(pidPath), CultureInfo.InvariantCulture, out var pid) || !IsRunning(pid))
            {
                Stop(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a PostgreSQL tool (as <c>postgres</c> when this process is root); throws with its output when it fails.</summary>
    private static void Run(string tool, IReadOnlyList<string> arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", tool])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // pg_ctl's server inherits our pipes unless its output goes to the log file; reads stop at its own exit.
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"PostgreSQL could not be started: {tool} did not run.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"PostgreSQL could not be started: {tool} did not finish in 90 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL could not be started: `{tool} {string.Join(' ', arguments)}` exited with {process.ExitCode}.{Environment.NewLine}{output.Result}{error.Result}");
        }
    }

    private sealed record Instance(int Port)
    {
        public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            // Test databases come and go; an idle pooled connection must not keep one from being dropped for long.
            ConnectionIdleLifetime = 10,
        }.ConnectionString;
    }
}
