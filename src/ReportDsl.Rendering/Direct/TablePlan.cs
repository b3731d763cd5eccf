using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ReportDsl.Rendering.Model;
using Scriban.Functions;

namespace ReportDsl.Rendering.Direct;

/// <summary>
/// One table as a bundled template prints it, with everything that depends only on the format already printed: the
/// text between two value cells is one literal (header rows, label cells, merged cells, separators, escaped labels), so a
/// render appends the literals and, between them, each value cell of the report. Made once per table and output kind.
/// </summary>
internal sealed class TablePlan
{
    private TablePlan(string name, ImmutableArray<string> literals, ImmutableArray<Hole> holes)
    {
        Name = name;
        Literals = literals;
        Holes = holes;
    }

    /// <summary>Gets the table identifier.</summary>
    public string Name { get; }

    /// <summary>Gets the fixed text before each value cell, and after the last (one more than <see cref="Holes"/>).</summary>
    public ImmutableArray<string> Literals { get; }

    /// <summary>Gets the value cells in the order they are printed.</summary>
    public ImmutableArray<Hole> Holes { get; }

    /// <summary>Lays a table out as <c>table.md</c> with <c>cell.md</c> prints it.</summary>
    public static TablePlan Markdown(FormatSkeleton.TableSkeleton skeleton)
    {
        var plan = new Builder();
        var table = skeleton.Table;
        for (var r = 0; r < table.Rows.Length; r++)
        {
            var row = table.Rows[r];
            plan.Text.Append('|');
            foreach (var slot in row.Slots)
            {
                plan.Text.Append(' ');
                if (ValueAt(skeleton, r, slot) is { } value)
                {
                    plan.Add(value, string.Empty);
                }
                else
                {
                    // A label cell has no findings, so cell.md prints its text alone.
                    plan.Text.Append(MarkdownText(slot.Text));
                }

                plan.Text.Append(" |");
            }

            plan.Text.Append('\n');
            if (r == 0)
            {
                plan.Text.Append('|');
                for (var c = 0; c < row.Slots.Length; c++)
                {
                    plan.Text.Append(" --- |");
                }

                plan.Text.Append('\n');
            }
        }

        return plan.Build(table.Name);
    }

    /// <summary>Lays a table out as <c>table.txt</c> with <c>cell.txt</c> prints it.</summary>
    public static TablePlan Text(FormatSkeleton.TableSkeleton skeleton)
    {
        var plan = new Builder();
        var table = skeleton.Table;
        for (var r = 0; r < table.Rows.Length; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Slots.Length; c++)
            {
                if (c > 0)
                {
                    plan.Text.Append('\t');
                }

                if (ValueAt(skeleton, r, row.Slots[c]) is { } value)
                {
                    plan.Add(value, string.Empty);
                }
                else
                {
                    plan.Text.Append(row.Slots[c].Text);
                }
            }

            plan.Text.Append('\n');
        }

        return plan.Build(table.Name);
    }

    /// <summary>Lays a table out as <c>table.html</c> with <c>cell.html</c> prints it.</summary>
    public static TablePlan Html(FormatSkeleton.TableSkeleton skeleton)
    {
        var plan = new Builder();
        var table = skeleton.Table;
        plan.Text.Append("<table id=\"").Append(table.Name).Append("\">\n");
        for (var r = 0; r < table.Rows.Length; r++)
        {
            plan.Text.Append("<tr>");
            foreach (var cell in table.Rows[r].Cells)
            {
                var spans = (cell.RowSpan > 1 ? " rowspan=\"" + cell.RowSpan.ToString(CultureInfo.InvariantCulture) + "\"" : string.Empty)
                    + (cell.ColumnSpan > 1 ? " colspan=\"" + cell.ColumnSpan.ToString(CultureInfo.InvariantCulture) + "\"" : string.Empty);
                if (cell.Kind == "value" && ValueAt(skeleton, r, cell) is { } value)
                {
                    plan.Add(value, spans);
                }
                else if (cell.Kind is "value" or "empty")
                {
                    // An empty crossing has no findings, so cell.html prints a plain cell.
                    plan.Text.Append("<td").Append(spans).Append('>').Append(HtmlText(cell.Text)).Append("</td>\n");
                }
                else
                {
                    plan.Text.Append("<th").Append(spans).Append(cell.Kind == "row_header" ? " scope=\"row\"" : string.Empty)
                        .Append('>').Append(HtmlText(cell.Text)).Append("</th>\n");
                }
            }

            plan.Text.Append("</tr>\n");
        }

        plan.Text.Append("</table>\n");
        return plan.Build(table.Name);
    }

    /// <summary>What <c>string.replace "|" "\\|"</c> prints.</summary>
    public static string MarkdownText(string text) => StringFunctions.Replace(text, "|", "\\|");

    /// <summary>What <c>html.escape</c> prints.</summary>
    public static string HtmlText(string? text) => HtmlFunctions.Escape(text) ?? string.Empty;

    private static FormatSkeleton.ValueSlot? ValueAt(FormatSkeleton.TableSkeleton skeleton, int row, CellView cell)
    {
        if (cell.Kind != "value" || cell.IsContinuation)
        {
            return null;
        }

        foreach (var slot in skeleton.Values[row])
        {
            if (slot.Column == cell.Column)
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>A value cell: which format cell it shows, its identifier as printed, and its spans (HTML).</summary>
    /// <param name="Cell">The format cell's index in the report's values.</param>
    /// <param name="Id">The cell identifier, for findings.</param>
    /// <param name="HtmlId">The identifier escaped for HTML.</param>
    /// <param name="Spans">The rowspan and colspan attributes (HTML).</param>
    internal sealed record Hole(int Cell, string Id, string HtmlId, string Spans);

    private sealed class Builder
    {
        private readonly ImmutableArray<string>.Builder _literals = ImmutableArray.CreateBuilder<string>();
        private readonly ImmutableArray<Hole>.Builder _holes = ImmutableArray.CreateBuilder<Hole>();

        public StringBuilder Text { get; } = new();

        public void Add(FormatSkeleton.ValueSlot value, string spans)
        {
            _literals.Add(Text.ToString());
            Text.Clear();
            _holes.Add(new Hole(value.Layout.CellIndex, value.Symbol.Id, HtmlText(value.Symbol.Id), spans));
        }

        public TablePlan Build(string name)
        {
            _literals.Add(Text.ToString());
            return new TablePlan(name, _literals.ToImmutable(), _holes.ToImmutable());
        }
    }
}
