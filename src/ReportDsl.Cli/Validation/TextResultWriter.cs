using System.Globalization;
using ReportDsl.Validation;
using Spectre.Console;

namespace ReportDsl.Cli.Validation;

/// <summary>
/// The report for a clerk: per file, findings grouped by table with Chinese labels, the equation with its numbers and
/// the difference. Colour on a terminal (through Spectre.Console); plain lines written straight to the output when
/// redirected, where laying out markup for no colour cost more than validating the files.
/// </summary>
internal sealed class TextResultWriter : IResultWriter
{
    private readonly IAnsiConsole? _console;
    private readonly TextWriter? _plain;

    /// <summary>Writes in colour to a terminal.</summary>
    public TextResultWriter(IAnsiConsole console) => _console = console;

    /// <summary>Writes plain lines.</summary>
    public TextResultWriter(TextWriter plain) => _plain = plain;

    public void Write(FileResult result)
    {
        var status = result.Unreadable ? (Words.Unreadable, "red")
            : result.Findings.IsEmpty ? (Words.Clean, "green")
            : (Words.Counts(result.Errors, result.Warnings), null);
        var format = result.Format is null ? string.Empty : $"{result.Format} {result.Version} ({result.Choice}): ";
        Line((result.Path, "bold"), (": " + format, null), status);
        foreach (var table in result.Findings.GroupBy(f => f.Cells.FirstOrDefault()?.TableLabel ?? string.Empty).OrderBy(g => g.Key.Length == 0 ? 0 : 1))
        {
            if (table.Key.Length > 0)
            {
                Line(("  ", null), (table.Key, "underline"));
            }

            foreach (var finding in table)
            {
                WriteFinding(finding);
            }
        }

        if (result.Omitted > 0)
        {
            Line(("    " + Words.More(result.Omitted), null));
        }
    }

    public void Complete(RunSummary summary)
    {
        Line();
        Line((Words.Summary(summary), null));
        if (summary.Omitted > 0)
        {
            Line((Words.NotListed(summary.Omitted), null));
        }

        foreach (var (code, count) in summary.ByCode.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Line(($"  {code}: {count}", null));
        }
    }

    private void WriteFinding(Finding finding)
    {
        var colour = finding.Severity == FindingSeverity.Error ? "red" : "yellow";
        var severity = finding.Severity == FindingSeverity.Error ? "error" : "warning";
        var location = finding.Location is { } l ? $"({l.Line},{l.Column}) " : string.Empty;
        var at = finding.At is null ? string.Empty : $" [{Words.At}: {finding.At}]";
        Line(("    ", null), ($"{finding.Code} {severity}", colour), ($" {location}{finding.Message}{at}", null));
        if (finding.AffectedCells > 1 || !finding.Folded.IsEmpty)
        {
            Line(("      " + Words.Affected(finding), null));
        }

        if (finding is { Left: { } left, Right: { } right, Difference: { } difference })
        {
            Line(($"      {left.Labels} = {Number(left.Value)}", null));
            Line(($"      {right.Labels} = {Number(right.Value)}", null));
            var tolerance = finding.Tolerance is { } t ? $"  ({Words.Tolerance} {Number(t)})" : string.Empty;
            var comparison = finding.Operator == "=" ? string.Empty : $"  (left {finding.Operator} right)";
            Line(("      ", null), ($"{Words.Difference} {Number(difference)}", colour), (comparison + tolerance, null));
        }

        foreach (var cell in finding.Cells.Where(c => c.IsDefaulted))
        {
            Line(("      " + Words.Defaulted(cell), null));
        }
    }

    // One line of text runs, each in a Spectre style or none.
    private void Line(params ReadOnlySpan<(string Text, string? Style)> parts)
    {
        if (_plain is { } plain)
        {
            foreach (var (text, _) in parts)
            {
                plain.Write(text);
            }

            plain.WriteLine();
            return;
        }

        var markup = new System.Text.StringBuilder();
        foreach (var (text, style) in parts)
        {
            markup.Append(style is null ? Markup.Escape(text) : $"[{style}]{Markup.Escape(text)}[/]");
        }

        _console?.MarkupLine(markup.ToString());
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
