using System.Globalization;
using System.Resources;

namespace ReportDsl.Diagnostics;

/// <summary>The translated message templates, from DiagnosticMessages.resx (English) and its zh-Hans satellite.</summary>
internal static class DiagnosticMessages
{
    private static readonly ResourceManager Resources =
        new("ReportDsl.Diagnostics.DiagnosticMessages", typeof(DiagnosticMessages).Assembly);

    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No message resource named '{key}'.");
}
