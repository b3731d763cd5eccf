using System.Collections.Immutable;
using ReportDsl.Rendering.Layout;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Rendering.Model;

/// <summary>
/// The part of a report's view that depends only on its format: every section, and every table laid out with its label
/// cells, made once per format. A render copies in only the value cells (values, formatted text, findings); a row
/// without value cells is shared by every render as it is.
/// </summary>
internal sealed class FormatSkeleton
{
    private FormatSkeleton(ImmutableArray<(SectionView Section, ImmutableArray<TableSkeleton> Tables)> sections) => Sections = sections;

    /// <summary>Gets each section (no paragraphs, no tables) with the skeletons of its tables.</summary>
    public ImmutableArray<(SectionView Section, ImmutableArray<TableSkeleton> Tables)> Sections { get; }

    public static FormatSkeleton Create(FormatSymbol format, CellLayout cells) => new(
        [.. format.Sections.Select(s => (
            new SectionView(s.Name, s.Label, s.IsProse, [], []),
            s.Tables.Select(t => TableSkeleton.Create(TableLayouter.For(t, cells), cells)).ToImmutableArray()))]);

    private static string KindName(LayoutCellKind kind) => kind switch
    {
        LayoutCellKind.Caption => "caption",
        LayoutCellKind.Stub => "stub",
        LayoutCellKind.ColumnsCaption => "columns_caption",
        LayoutCellKind.ColumnHeader => "column_header",
        LayoutCellKind.RowHeader => "row_header",
        LayoutCellKind.Value => "value",
        _ => "empty",
    };

    /// <summary>A table with its label cells in place; <see cref="Fill"/> adds one report's value cells.</summary>
    internal sealed class TableSkeleton
    {
        private readonly TableView _table;
        private readonly ImmutableArray<ImmutableArray<ValueSlot>> _values;

        private TableSkeleton(TableView table, ImmutableArray<ImmutableArray<ValueSlot>> values)
        {
            _table = table;
            _values = values;
        }

        public static TableSkeleton Create(TableLayout layout, CellLayout cells)
        {
            var rows = ImmutableArray.CreateBuilder<RowView>(layout.Rows.Length);
            var values = ImmutableArray.CreateBuilder<ImmutableArray<ValueSlot>>(layout.Rows.Length);
            for (var r = 0; r < layout.Rows.Length; r++)
            {
                var starting = layout.Rows[r];
                var row = ImmutableArray.CreateBuilder<ValueSlot>();
                var cellViews = ImmutableArray.CreateBuilder<CellView>(starting.Length);
                for (var i = 0; i < starting.Length; i++)
                {
                    cellViews.Add(Label(starting[i], continuation: false));
                    if (starting[i].Kind == LayoutCellKind.Value)
                    {
                        var symbol = cells.Cells[starting[i].CellIndex];
                        row.Add(new ValueSlot(i, starting[i].Column, starting[i], symbol, symbol.Type.ToString()));
                    }
                }

                var slots = ImmutableArray.CreateBuilder<CellView>(layout.Width);
                for (var c = 0; c < layout.Width; c++)
                {
                    var covering = layout.Grid[r][c];
                    var starts = covering.Row == r && covering.Column == c;
                    var index = starts ? starting.IndexOf(covering) : -1;
                    slots.Add(index >= 0 ? cellViews[index] : Label(covering, continuation: !starts));
                }

                rows.Add(new RowView(r, r < layout.HeaderRowCount, cellViews.MoveToImmutable(), slots.MoveToImmutable()));
                values.Add(row.ToImmutable());
            }

            var table = new TableView(
                layout.Table.Name,
                layout.Table.Label,
                layout.Width,
                layout.StubWidth,
                layout.HeaderRowCount,
                layout.Rows.Length > 0 && layout.Rows[0].FirstOrDefault()?.Kind == LayoutCellKind.Caption,
                rows.MoveToImmutable());
            return new TableSkeleton(table, values.MoveToImmutable());
        }

        /// <summary>Gets the table with its label cells and, in place of each value cell, a placeholder without a value.</summary>
        public TableView Table => _table;

        /// <summary>Gets, for each row, where its value cells sit and which format cells they show.</summary>
        public ImmutableArray<ImmutableArray<ValueSlot>> Values => _values;

        /// <summary>Gets the table with one report's value cells.</summary>
        public TableView Fill(ReportValues values, Dictionary<string, List<int>> byCell, string missingMark)
        {
            var rows = ImmutableArray.CreateBuilder<RowView>(_table.Rows.Length);
            for (var r = 0; r < _table.Rows.Length; r++)
            {
                var row = _table.Rows[r];
                var slots = _values[r];
                if (slots.IsEmpty)
                {
                    rows.Add(row);
                    continue;
                }

                var cellViews = row.Cells.ToBuilder();
                var slotViews = row.Slots.ToBuilder();
                foreach (var slot in slots)
                {
                    var view = slot.Fill(values, byCell, missingMark);
                    cellViews[slot.CellPosition] = view;
                    slotViews[slot.Column] = view;
                }

                rows.Add(row with { Cells = cellViews.MoveToImmutable(), Slots = slotViews.MoveToImmutable() });
            }

            return _table with { Rows = rows.MoveToImmutable() };
        }

        // A label cell (or a value cell's placeholder, replaced by Fill) as every report shows it.
        private static CellView Label(LayoutCell cell, bool continuation) =>
            new(KindName(cell.Kind), continuation ? string.Empty : cell.Text, cell.Row, cell.Column, cell.RowSpan, cell.ColumnSpan, continuation, null, null, null, null, [], [], []);
    }

    /// <summary>Where a value cell sits in its row's cells and slots, and what the format says about it.</summary>
    internal sealed record ValueSlot(int CellPosition, int Column, LayoutCell Layout, CellSymbol Symbol, string Type)
    {
        public CellView Fill(ReportValues values, Dictionary<string, List<int>> byCell, string missingMark)
        {
            var index = Layout.CellIndex;
            object? value = values.StateOf(index) != CellState.Present
                ? null
                : Symbol.Type.Kind == CellTypeKind.Text ? values.TextOf(index) : values.NumberOf(index);
            return new CellView(
                "value",
                ReportViewBuilder.FormatValue(values, index, missingMark),
                Layout.Row,
                Layout.Column,
                Layout.RowSpan,
                Layout.ColumnSpan,
                false,
                Symbol.Id,
                value,
                Type,
                Symbol.Type.Unit,
                Symbol.Row.LabelPath,
                Symbol.Column.LabelPath,
                byCell.TryGetValue(Symbol.Id, out var numbers) ? [.. numbers] : []);
        }
    }
}
