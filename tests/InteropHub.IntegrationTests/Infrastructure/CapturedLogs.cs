using System.Collections.Concurrent;
using InteropHub.Host.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>
/// Every log line the hub writes during a test, rendered by the hub's own console formatter (scopes included): the
/// text an operator's console would hold, to prove what never appears in it.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly HubConsoleFormatter _formatter = new(new StaticOptions(new HubConsoleFormatterOptions { IncludeScopes = true, Json = true }));
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public string Text => string.Concat(_lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _formatter.Dispose();

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var line = new StringWriter();
            owner._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner._scopes, line);
            owner._lines.Enqueue(line.ToString());
        }
    }

    private sealed class StaticOptions(HubConsoleFormatterOptions value) : IOptionsMonitor<HubConsoleFormatterOptions>
    {
        public HubConsoleFormatterOptions CurrentValue => value;

        public HubConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HubConsoleFormatterOptions, string?> listener) => null;
    }
}
