using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace ReportDsl.Diagnostics;

/// <summary>The translated message templates, from DiagnosticMessages.resx (English) and its zh-Hans satellite.</summary>
internal static class DiagnosticMessages
{
    private static readonly ResourceManager Resources =
        new("ReportDsl.Diagnostics.DiagnosticMessages", typeof(DiagnosticMessages).Assembly);

    // ResourceManager.GetString takes a lock on every call, and a batch validated on both cores asks for the same few
    // templates for every broken file: the threads queued on that lock. Each template is looked up once per culture.
    private static readonly ConcurrentDictionary<(string Key, CultureInfo Culture), string> Cache = new();

    public static string Get(string key, CultureInfo culture) =>
        Cache.GetOrAdd((key, culture), static k =>
            Resources.GetString(k.Key, k.Culture) ?? throw new InvalidOperationException($"No message resource named '{k.Key}'."));
}
