using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace ReportDsl.Cli;

/// <summary>
/// The command line's own words (help, summaries, progress), from CliMessages.resx and its zh-Hans twin, in the UI
/// language that <c>--lang</c> sets. Coded problems (RD60xx) come from the diagnostic catalogue instead.
/// </summary>
internal static class Messages
{
    private static readonly ResourceManager Resources = new("ReportDsl.Cli.CliMessages", typeof(Messages).Assembly);

    // ResourceManager.GetString takes a lock on every call; validating a batch on both cores asked for the same word
    // for every file and the threads queued on that lock (a fifth of a batch's thread time). Looked up once per culture.
    private static readonly ConcurrentDictionary<(string Key, CultureInfo Culture), string> Cache = new();

    public static string Get(string key) =>
        Cache.GetOrAdd((key, CultureInfo.CurrentUICulture), static k =>
            Resources.GetString(k.Key, k.Culture) ?? throw new InvalidOperationException($"No message resource named '{k.Key}'."));

    public static string Format(string key, params object[] arguments) =>
        string.Format(CultureInfo.CurrentUICulture, Get(key), arguments);
}
