using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InteropHub.Host.Tests.Logging;

/// <summary>
/// Database commands and the resilience pipelines' per-attempt lines are logged at Warning by default in every mode:
/// here a sandbox hub started from a directory with no appsettings.json, its default level Information, serves
/// requests that query the database and a registry read that goes through the PDND and ANPR pipelines.
/// </summary>
public sealed class DatabaseLogLevelTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "interophub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_sandbox_hub_away_from_its_appsettings_logs_no_database_command_or_call_attempt_at_information()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Path.Combine(_directory, "tenants"));
        await using var app = HubApplication.Build(
        [
            $"--contentRoot={_directory}",
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Hub=Data Source={Path.Combine(_directory, "hub.db")}",
            $"--Hub:TenantsFolder={Path.Combine(_directory, "tenants")}",
            "--Logging:LogLevel:Default=Information",
            "--Logging:Console:Json=true",
        ]);
        var logs = new LevelCapture();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await app.StartAsync(ct);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Add("X-Api-Key", "sandbox-key-a");
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/payments", ct)).StatusCode);
            }

            using var read = new HttpRequestMessage(HttpMethod.Get, "/v1/registry/residents/MRTNNA76H50L219K");
            read.Headers.Add("X-Operator-Id", "op-1");
            read.Headers.Add("X-Request-Reason", "PROT-1");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(read, ct)).StatusCode);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Category and level of every entry the hub's filters let through.</summary>
    private sealed class LevelCapture : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LevelCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, logLevel));
        }
    }
}
