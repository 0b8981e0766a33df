using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ResearchPortal.Web.Tests.Web;

/// <summary>
/// A logger provider that keeps every entry as one line of text: category, formatted message, every structured value
/// of the entry and of its scopes (as the JSON console formatter writes them), and the exception.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static string Describe(object? state) => state switch
    {
        IEnumerable<KeyValuePair<string, object?>> values => string.Join(' ', values.Select(pair => $"{pair.Key}={pair.Value}")),
        _ => state?.ToString() ?? string.Empty,
    };

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            capture._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
            capture._lines.Enqueue(
                $"{logLevel} {category}: {formatter(state, exception)} | {Describe(state)} | scopes: {string.Join(" ; ", scopes)} | {exception}");
        }
    }
}
