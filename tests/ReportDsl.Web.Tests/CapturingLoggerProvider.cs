using Microsoft.Extensions.Logging;

namespace ReportDsl.Web.Tests;

/// <summary>Keeps every log event with its structured fields, for tests that check what the service logs.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<(int EventId, Dictionary<string, object?> Fields)> _entries = [];

    public IReadOnlyList<(int EventId, Dictionary<string, object?> Fields)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>Waits for an event that work still running after its response logs, up to <paramref name="patience"/>.</summary>
    public async Task<(int EventId, Dictionary<string, object?> Fields)?> WaitFor(int eventId, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < until)
        {
            if (Entries.FirstOrDefault(e => e.EventId == eventId) is { Fields: not null } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return null;
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                lock (owner._entries)
                {
                    owner._entries.Add((eventId.Id, fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal)));
                }
            }
        }
    }
}
