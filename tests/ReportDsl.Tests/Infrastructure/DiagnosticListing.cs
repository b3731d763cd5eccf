using System.Globalization;
using System.Text;
using ReportDsl.Diagnostics;
using ReportDsl.Text;

namespace ReportDsl.Tests.Infrastructure;

/// <summary>
/// An annotated listing of a source file: every line, and under each line that has diagnostics a caret line under
/// the span followed by the code, severity, position and English message.
/// </summary>
public static class DiagnosticListing
{
    public static string Create(SourceText text, IEnumerable<Diagnostic> diagnostics)
    {
        var byLine = diagnostics.GroupBy(d => text.GetLineIndex(d.Span.Start)).ToDictionary(g => g.Key, g => g.ToList());
        var builder = new StringBuilder();
        for (var line = 0; line < text.LineCount; line++)
        {
            var span = text.GetLineSpan(line);
            var lineText = text.ToString(span);
            if (line == text.LineCount - 1 && lineText.Length == 0 && !byLine.ContainsKey(line))
            {
                break;
            }

            builder.Append(Visible(lineText)).Append('\n');
            if (!byLine.TryGetValue(line, out var here))
            {
                continue;
            }

            foreach (var diagnostic in here)
            {
                var column = diagnostic.Span.Start - span.Start;
                var width = Math.Max(1, Math.Min(diagnostic.Span.End, span.End) - diagnostic.Span.Start);
                builder.Append(' ', Width(lineText, column)).Append('^', Math.Max(1, Width(lineText[column..Math.Min(lineText.Length, column + width)], width))).Append('\n');
                builder.Append(CultureInfo.InvariantCulture, $"{diagnostic.Code} {diagnostic.Severity.ToString().ToLowerInvariant()} ({diagnostic.Start}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}\n");
            }
        }

        return builder.ToString();
    }

    // Wide (CJK) characters take two columns, so carets line up under them in a monospace font.
    private static int Width(string text, int length)
    {
        var width = 0;
        foreach (var c in text.AsSpan(0, Math.Min(length, text.Length)))
        {
            width += c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)) ? 2 : 1;
        }

        return width + Math.Max(0, length - text.Length);
    }

    private static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) && c != '\t' ? '\uFFFD' : c);
        }

        return builder.ToString();
    }
}
