using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Rendering.Layout;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Rendering.Model;

/// <summary>Builds the view of one report: the format's laid-out tables filled with the report's values and findings.</summary>
internal static class ReportViewBuilder
{
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

        var sections = ImmutableArray.CreateBuilder<SectionView>(format.Sections.Length);
        foreach (var section in format.Sections)
        {
            var paragraphs = options.Narratives.TryGetValue(section.Name, out var narrative)
                ? [.. narrative.ReplaceLineEndings("\n").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)]
                : ImmutableArray<string>.Empty;
            var tables = section.Tables.Select(t => Table(TableLayouter.For(t, cells), values, byCell, missingMark)).ToImmutableArray();
            sections.Add(new SectionView(section.Name, section.Label, section.IsProse, paragraphs, tables));
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

    private static TableView Table(TableLayout layout, ReportValues values, Dictionary<string, List<int>> byCell, string missingMark)
    {
        var rows = ImmutableArray.CreateBuilder<RowView>(layout.Rows.Length);
        for (var r = 0; r < layout.Rows.Length; r++)
        {
            var starting = layout.Rows[r].Select(c => Cell(c, values, byCell, missingMark, continuation: false)).ToImmutableArray();
            var slots = ImmutableArray.CreateBuilder<CellView>(layout.Width);
            for (var c = 0; c < layout.Width; c++)
            {
                var covering = layout.Grid[r][c];
                slots.Add(covering.Row == r && covering.Column == c
                    ? starting.FirstOrDefault(s => s.Column == c) ?? Cell(covering, values, byCell, missingMark, continuation: false)
                    : Cell(covering, values, byCell, missingMark, continuation: true));
            }

            rows.Add(new RowView(r, r < layout.HeaderRowCount, starting, slots.MoveToImmutable()));
        }

        return new TableView(
            layout.Table.Name,
            layout.Table.Label,
            layout.Width,
            layout.StubWidth,
            layout.HeaderRowCount,
            layout.Rows.Length > 0 && layout.Rows[0].FirstOrDefault()?.Kind == LayoutCellKind.Caption,
            rows.MoveToImmutable());
    }

    private static CellView Cell(LayoutCell cell, ReportValues values, Dictionary<string, List<int>> byCell, string missingMark, bool continuation)
    {
        var kind = cell.Kind switch
        {
            LayoutCellKind.Caption => "caption",
            LayoutCellKind.Stub => "stub",
            LayoutCellKind.ColumnsCaption => "columns_caption",
            LayoutCellKind.ColumnHeader => "column_header",
            LayoutCellKind.RowHeader => "row_header",
            LayoutCellKind.Value => "value",
            _ => "empty",
        };
        if (continuation)
        {
            return new CellView(kind, string.Empty, cell.Row, cell.Column, cell.RowSpan, cell.ColumnSpan, true, null, null, null, null, [], [], []);
        }

        if (cell.Kind != LayoutCellKind.Value)
        {
            return new CellView(kind, cell.Text, cell.Row, cell.Column, cell.RowSpan, cell.ColumnSpan, false, null, null, null, null, [], [], []);
        }

        var symbol = values.Layout.Cells[cell.CellIndex];
        object? value = values.StateOf(cell.CellIndex) != CellState.Present
            ? null
            : symbol.Type.Kind == CellTypeKind.Text ? values.TextOf(cell.CellIndex) : values.NumberOf(cell.CellIndex);
        return new CellView(
            kind,
            FormatValue(values, cell.CellIndex, missingMark),
            cell.Row,
            cell.Column,
            cell.RowSpan,
            cell.ColumnSpan,
            false,
            symbol.Id,
            value,
            symbol.Type.ToString(),
            symbol.Type.Unit,
            symbol.Row.LabelPath,
            symbol.Column.LabelPath,
            byCell.TryGetValue(symbol.Id, out var numbers) ? [.. numbers] : []);
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
