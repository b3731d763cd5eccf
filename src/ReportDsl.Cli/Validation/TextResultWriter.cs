using System.Globalization;
using ReportDsl.Validation;
using Spectre.Console;

namespace ReportDsl.Cli.Validation;

/// <summary>
/// The report for a clerk: per file, findings grouped by table with Chinese labels, the equation with its numbers and
/// the difference. Colour on a terminal, none when redirected.
/// </summary>
internal sealed class TextResultWriter(IAnsiConsole console) : IResultWriter
{
    public void Write(FileResult result)
    {
        var status = result.Unreadable ? $"[red]{Words.Unreadable}[/]"
            : result.Findings.IsEmpty ? $"[green]{Words.Clean}[/]"
            : Words.Counts(result.Errors, result.Warnings);
        var format = result.Format is null ? string.Empty : $"{result.Format} {result.Version} ({result.Choice}): ";
        console.MarkupLine($"[bold]{Markup.Escape(result.Path)}[/]: {Markup.Escape(format)}{status}");
        foreach (var table in result.Findings.GroupBy(f => f.Cells.FirstOrDefault()?.TableLabel ?? string.Empty).OrderBy(g => g.Key.Length == 0 ? 0 : 1))
        {
            if (table.Key.Length > 0)
            {
                console.MarkupLine($"  [underline]{Markup.Escape(table.Key)}[/]");
            }

            foreach (var finding in table)
            {
                WriteFinding(finding);
            }
        }

        if (result.Omitted > 0)
        {
            console.MarkupLine($"    {Markup.Escape(Words.More(result.Omitted))}");
        }
    }

    public void Complete(RunSummary summary)
    {
        console.WriteLine();
        console.MarkupLine(Markup.Escape(Words.Summary(summary)));
        if (summary.Omitted > 0)
        {
            console.MarkupLine(Markup.Escape(Words.NotListed(summary.Omitted)));
        }

        foreach (var (code, count) in summary.ByCode.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            console.MarkupLine($"  {Markup.Escape(code)}: {count}");
        }
    }

    private void WriteFinding(Finding finding)
    {
        var colour = finding.Severity == FindingSeverity.Error ? "red" : "yellow";
        var severity = finding.Severity == FindingSeverity.Error ? "error" : "warning";
        var location = finding.Location is { } l ? $"({l.Line},{l.Column}) " : string.Empty;
        var at = finding.At is null ? string.Empty : $" [[{Words.At}: {Markup.Escape(finding.At)}]]";
        console.MarkupLine($"    [{colour}]{Markup.Escape(finding.Code)} {severity}[/] {Markup.Escape(location)}{Markup.Escape(finding.Message)}{at}");
        if (finding.AffectedCells > 1 || !finding.Folded.IsEmpty)
        {
            console.MarkupLine($"      {Markup.Escape(Words.Affected(finding))}");
        }
        if (finding is { Left: { } left, Right: { } right, Difference: { } difference })
        {
            console.MarkupLine($"      {Markup.Escape(left.Labels)} = {Number(left.Value)}");
            console.MarkupLine($"      {Markup.Escape(right.Labels)} = {Number(right.Value)}");
            var tolerance = finding.Tolerance is { } t ? $"  ({Words.Tolerance} {Number(t)})" : string.Empty;
            var comparison = finding.Operator == "=" ? string.Empty : $"  (left {finding.Operator} right)";
            console.MarkupLine($"      [{colour}]{Words.Difference} {Number(difference)}[/]{Markup.Escape(comparison + tolerance)}");
        }

        foreach (var cell in finding.Cells.Where(c => c.IsDefaulted))
        {
            console.MarkupLine($"      {Markup.Escape(Words.Defaulted(cell))}");
        }
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
