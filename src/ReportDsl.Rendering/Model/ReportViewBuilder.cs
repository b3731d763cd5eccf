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

    /// <summary>Gets the part of the view that depends only on the format (built once per compiled format).</summary>
    public static FormatSkeleton Skeleton(FormatSymbol format, CellLayout cells) => Skeletons.GetValue(format, f => FormatSkeleton.Create(f, cells));

    public static ReportView Build(FormatSymbol format, ReportData data, ImmutableArray<Finding> findings, RenderOptions options, string missingMark)
    {
        var values = data.Values;
        var (findingViews, byCell) = Number(findings, options.Culture);
        var skeleton = Skeleton(format, values.Layout);
        var sections = ImmutableArray.CreateBuilder<SectionView>(skeleton.Sections.Length);
        foreach (var (section, tableSkeletons) in skeleton.Sections)
        {
            var tables = ImmutableArray.CreateBuilder<TableView>(tableSkeletons.Length);
            foreach (var table in tableSkeletons)
            {
                tables.Add(table.Fill(values, byCell, missingMark));
            }

            sections.Add(section with { Paragraphs = Paragraphs(section.Name, section.IsProse, data, options), Tables = tables.MoveToImmutable() });
        }

        return new ReportView(
            new FormatView(format.Name, format.Version, format.Title, format.Document),
            Title(data),
            data.Agency,
            data.Year,
            Date(options),
            sections.MoveToImmutable(),
            findingViews,
            options.Annotate);
    }

    /// <summary>Gets the title: agency + year + 政府信息公开工作年度报告.</summary>
    public static string Title(ReportData data) =>
        (data.Agency ?? string.Empty) + (data.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年" : string.Empty) + "政府信息公开工作年度报告";

    /// <summary>Gets the publication date as printed (yyyy年M月d日), or null.</summary>
    public static string? Date(RenderOptions options) => options.Date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : null;

    /// <summary>
    /// Gets a section's narrative paragraphs: the text given in the options for the section, else, for a prose section,
    /// the report data's own text of it; a paragraph per line, trimmed, blank lines dropped. The data's text of a section
    /// with tables is not printed: read from a document, it holds the tables' labels and values as well.
    /// </summary>
    public static ImmutableArray<string> Paragraphs(string section, bool isProse, ReportData data, RenderOptions options)
    {
        string? narrative = null;
        if (options.Narratives.TryGetValue(section, out var given))
        {
            narrative = given;
        }
        else if (isProse)
        {
            foreach (var prose in data.Prose)
            {
                if (string.Equals(prose.Section, section, StringComparison.Ordinal))
                {
                    narrative = prose.Text;
                    break;
                }
            }
        }

        return narrative is null
            ? []
            : [.. narrative.ReplaceLineEndings("\n").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)];
    }

    /// <summary>
    /// Numbers the findings shown in the report (those about cells) in the order given, and lists for each cell the
    /// numbers of the findings that involve it.
    /// </summary>
    public static (ImmutableArray<FindingView> Findings, Dictionary<string, List<int>> ByCell) Number(ImmutableArray<Finding> findings, CultureInfo culture)
    {
        var byCell = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var views = ImmutableArray.CreateBuilder<FindingView>();
        foreach (var finding in findings)
        {
            if (finding.Cells.IsEmpty)
            {
                continue;
            }

            var number = views.Count + 1;
            views.Add(Describe(number, finding, culture));
            foreach (var id in finding.Cells.Where(c => !c.IsPrevious).Select(c => c.Id).Distinct(StringComparer.Ordinal))
            {
                if (!byCell.TryGetValue(id, out var numbers))
                {
                    byCell[id] = numbers = [];
                }

                numbers.Add(number);
            }
        }

        return (views.ToImmutable(), byCell);
    }

    /// <summary>Formats a value as the report prints it: whole numbers without separators, amounts with the decimals given.</summary>
    public static string FormatValue(ReportValues values, int cell, string missingMark)
    {
        if (values.StateOf(cell) != CellState.Present)
        {
            return missingMark;
        }

        var type = values.Layout.Cells[cell].Type;
        if (type.IsWholeNumber)
        {
            // Prints as the whole number as a decimal would (no scale, no separators); the common counts come ready-made.
            var whole = values.Whole[cell];
            return whole >= 0 && whole < SmallNumbers.Length ? SmallNumbers[whole] : whole.ToString(CultureInfo.InvariantCulture);
        }

        return type.Kind == CellTypeKind.Text
            ? values.TextOf(cell) ?? missingMark
            : values.NumberOf(cell) is { } number ? number.ToString(CultureInfo.InvariantCulture) : missingMark;
    }

    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 10_000).Select(n => n.ToString(CultureInfo.InvariantCulture))];

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
