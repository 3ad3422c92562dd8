using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Logging;

/// <summary>
/// The hub's console lines: one JSON object per entry (or one readable line in sandbox mode) with the scopes as
/// named values (request id, job), every string passed through <see cref="LogRedaction"/>.
/// </summary>
internal sealed class HubConsoleFormatter : ConsoleFormatter, IDisposable
{
    public const string FormatterName = "hub";
    private readonly IDisposable? _reload;
    private HubConsoleFormatterOptions _options;

    public HubConsoleFormatter(IOptionsMonitor<HubConsoleFormatterOptions> options)
        : base(FormatterName)
    {
        _options = options.CurrentValue;
        _reload = options.OnChange(o => _options = o);
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var scopes = Scopes(scopeProvider);
        textWriter.Write(_options.Json
            ? Json(logEntry.LogLevel, logEntry.Category, logEntry.EventId, message, logEntry.Exception, scopes)
            : Line(logEntry.LogLevel, logEntry.Category, message, logEntry.Exception, scopes));
    }

    public void Dispose() => _reload?.Dispose();

    private List<KeyValuePair<string, string>> Scopes(IExternalScopeProvider? scopeProvider)
    {
        var scopes = new List<KeyValuePair<string, string>>();
        if (_options.IncludeScopes && scopeProvider is not null)
        {
            scopeProvider.ForEachScope(static (scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    list.AddRange(values.Where(kv => kv.Key != "{OriginalFormat}").Select(kv => new KeyValuePair<string, string>(kv.Key, Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")));
                }
                else if (scope is not null)
                {
                    list.Add(new KeyValuePair<string, string>("Scope", scope.ToString() ?? ""));
                }
            }, scopes);
        }

        return scopes;
    }

    private string Json(LogLevel level, string category, EventId eventId, string? message, Exception? exception, List<KeyValuePair<string, string>> scopes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("level", level.ToString());
            json.WriteString("category", category);
            if (eventId.Id != 0)
            {
                json.WriteNumber("eventId", eventId.Id);
            }

            json.WriteString("message", LogRedaction.Redact(message ?? ""));
            if (exception is not null)
            {
                json.WriteString("exception", LogRedaction.Redact(exception.ToString()));
            }

            if (scopes.Count > 0)
            {
                json.WriteStartObject("scopes");
                foreach (var (key, value) in scopes.DistinctBy(kv => kv.Key))
                {
                    json.WriteString(key, LogRedaction.Redact(value));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + Environment.NewLine;
    }

    private string Line(LogLevel level, string category, string? message, Exception? exception, List<KeyValuePair<string, string>> scopes)
    {
        var line = new StringBuilder()
            .Append(DateTimeOffset.Now.ToString("HH:mm:ss ", System.Globalization.CultureInfo.InvariantCulture))
            .Append(level.ToString().ToLowerInvariant()[..4]).Append(' ')
            .Append(category).Append(": ")
            .Append(message);
        var requestId = scopes.LastOrDefault(kv => kv.Key == "HubRequestId").Value;
        if (requestId is not null)
        {
            line.Append(" [request ").Append(requestId).Append(']');
        }

        if (exception is not null)
        {
            line.AppendLine().Append(exception);
        }

        return LogRedaction.Redact(line.ToString()) + Environment.NewLine;
    }
}

/// <summary>Console options of the hub's formatter: JSON lines (the default) or readable lines.</summary>
internal sealed class HubConsoleFormatterOptions : ConsoleFormatterOptions
{
    public bool Json { get; set; } = true;
}
