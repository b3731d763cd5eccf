using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using ReportDsl.Rendering.Layout;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Rendering.Model;

/// <summary>Builds the view of one report: the format's laid-out tables filled with the report's values and findings.</summary>
internal static class ReportViewBuilder
{
    // The labels and the layout depend only on the format: built once per format, only values and findings per report.
    private static readonly ConditionalWeakTable<FormatSymbol, FormatSkeleton> Skeletons = [];

    public static ReportView Build(FormatSymbol format, ReportData data, ImmutableArray<Finding> findings, RenderOptions options, string missingMark)
    {
        var values = data.Values;
        var cells = values.Layout;
        var culture = options.Culture;

        // Findings are numbered in the order given; a cell lists the numbers of the findings that involve it.
        var shown = findings.Where(f => !f.Cells.IsEmpty).ToList();
        var byCell = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var findingViews = ImmutableArray.CreateBuilder<FindingView>(shown.Count);
        for (var i = 0; i < shown.Count; i++)
        {
            var finding = shown[i];
            findingViews.Add(Describe(i + 1, finding, culture));
            foreach (var id in finding.Cells.Where(c => !c.IsPrevious).Select(c => c.Id).Distinct(StringComparer.Ordinal))
            {
                if (!byCell.TryGetValue(id, out var numbers))
                {
                    byCell[id] = numbers = [];
                }

                numbers.Add(i + 1);
            }
        }

        var skeleton = Skeletons.GetValue(format, f => FormatSkeleton.Create(f, cells));
        var sections = ImmutableArray.CreateBuilder<SectionView>(skeleton.Sections.Length);
        foreach (var (section, tableSkeletons) in skeleton.Sections)
        {
            var paragraphs = options.Narratives.TryGetValue(section.Name, out var narrative)
                ? [.. narrative.ReplaceLineEndings("\n").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)]
                : ImmutableArray<string>.Empty;
            var tables = ImmutableArray.CreateBuilder<TableView>(tableSkeletons.Length);
            foreach (var table in tableSkeletons)
            {
                tables.Add(table.Fill(values, byCell, missingMark));
            }

            sections.Add(section with { Paragraphs = paragraphs, Tables = tables.MoveToImmutable() });
        }

        var agency = data.Agency;
        var year = data.Year;
        var title = (agency ?? string.Empty) + (year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年" : string.Empty) + "政府信息公开工作年度报告";
        var date = options.Date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : null;
        return new ReportView(
            new FormatView(format.Name, format.Version, format.Title, format.Document),
            title,
            agency,
            year,
            date,
            sections.MoveToImmutable(),
            findingViews.MoveToImmutable(),
            options.Annotate);
    }

    /// <summary>Formats a value as the report prints it: whole numbers without separators, amounts with the decimals given.</summary>
    public static string FormatValue(ReportValues values, int cell, string missingMark)
    {
        if (values.StateOf(cell) != CellState.Present)
        {
            return missingMark;
        }

        var type = values.Layout.Cells[cell].Type;
        return type.Kind == CellTypeKind.Text
            ? values.TextOf(cell) ?? missingMark
            : values.NumberOf(cell) is { } number ? number.ToString(CultureInfo.InvariantCulture) : missingMark;
    }

    private static FindingView Describe(int number, Finding finding, CultureInfo culture)
    {
        var message = finding.GetMessage(culture);
        var equation = string.Empty;
        if (finding.Left is { } left && finding.Right is { } right && finding.Operator is { } op)
        {
            equation = $"{left.Expression} {op} {right.Expression}: "
                + $"{left.Value.ToString(CultureInfo.InvariantCulture)} {op} {right.Value.ToString(CultureInfo.InvariantCulture)}"
                + (finding.At is { } at ? $" ({at})" : string.Empty);
        }

        var severity = finding.Severity == FindingSeverity.Error ? "error" : "warning";
        var text = $"{finding.Code} {severity}: {message}" + (equation.Length > 0 ? " " + equation : string.Empty);
        return new FindingView(number, finding.Code, severity, message, equation, text, [.. finding.Cells.Select(c => c.Id).Distinct(StringComparer.Ordinal)]);
    }
}
