using System.Globalization;
using System.Text;

namespace ReportDsl.Semantics;

/// <summary>
/// Prints bound formats as plain text, independent of layout, comments and positions. Used to prove that the
/// formatter never changes meaning, to review what a spec change does, and in baselines.
/// </summary>
internal static class ModelPrinter
{
    public static string Print(IEnumerable<FormatSymbol> formats)
    {
        var builder = new StringBuilder();
        foreach (var format in formats)
        {
            var relation = format.Earlier is { } earlier ? $" {(format.IsExtension ? "extends" : "revises")} {earlier.Name} {earlier.Version}" : string.Empty;
            Line(builder, 0, $"format {format.Name} version {format.Version}{relation}");
            Line(builder, 1, $"title {format.Title}");
            Line(builder, 1, $"source {format.Document}");
            Line(builder, 1, $"years {format.FirstYear}..{format.LastYear}");
            foreach (var section in format.Sections)
            {
                Line(builder, 1, $"section {section.Name} \"{section.Label}\"{Aliases(section.Aliases)} {(section.IsRequired ? "required" : "optional")} {(section.IsProse ? "prose" : "tables")}{Lineage(section.Lineage)}");
                foreach (var fact in section.Facts)
                {
                    Line(builder, 2, $"fact {fact.Cell.Id} \"{fact.Label}\"{Aliases(fact.Aliases)} {(fact.IsRequired ? "required" : "optional")} : {fact.Type} pattern \"{fact.Pattern}\"");
                }

                foreach (var table in section.Tables)
                {
                    PrintTable(builder, table);
                }
            }
        }

        return builder.ToString();
    }

    private static void PrintTable(StringBuilder builder, TableSymbol table)
    {
        Line(builder, 2, $"table {table.Name} \"{table.Label}\"{Aliases(table.Aliases)}{Presence(table.Presence)}{Lineage(table.Lineage)}");
        Optional(builder, 3, "stub", table.Stub);
        Line(builder, 3, "rows" + (table.RowsCaption is { } rowsCaption ? $" \"{rowsCaption}\"" : string.Empty));
        foreach (var row in table.Rows)
        {
            PrintItem(builder, row, 4);
        }

        Line(builder, 3, "columns" + (table.ColumnsCaption is { } columnsCaption ? $" \"{columnsCaption}\"" : string.Empty));
        foreach (var column in table.Columns)
        {
            PrintItem(builder, column, 4);
        }

        Line(builder, 3, $"cells {table.Cells.Length}");
        foreach (var cell in table.Cells)
        {
            Line(builder, 4, $"{cell.Id}: {cell.Type}{Presence(cell.Presence)}");
        }

        foreach (var rule in table.Rules)
        {
            var tolerance = rule.Tolerance is { } t ? " tolerance " + t.ToString(CultureInfo.InvariantCulture) : string.Empty;
            Line(builder, 3, $"rule {rule.Code} {rule.Severity} \"{rule.Message}\"{tolerance} {rule.Operator}{(rule.IsImplied ? " implied" : string.Empty)}");
            foreach (var instance in rule.Expand())
            {
                var condition = instance.Condition is { } when ? $" when {when}" : string.Empty;
                Line(builder, 4, instance.IsGeneral
                    ? $"{instance.LeftValue} {ComparisonOperatorFacts.Symbol(rule.Operator)} {instance.RightValue}{condition}"
                    : $"{instance.Left} {ComparisonOperatorFacts.Symbol(rule.Operator)} {instance.Right}");
            }
        }
    }

    private static void PrintItem(StringBuilder builder, AxisItemSymbol item, int depth)
    {
        var relation = item.Relation switch
        {
            GroupRelation.Exhaustive => " exhaustive",
            GroupRelation.Nonexhaustive => " nonexhaustive",
            _ => string.Empty,
        };
        var flags = (item.IsGroup ? " group" : string.Empty) + relation + (item.IsHeader ? " header" : string.Empty) + (item.IsUnlabeled ? " unlabeled" : string.Empty)
            + (item.IsSubtotal ? " subtotal" : string.Empty) + Presence(item.Presence);
        var type = item.DeclaredType is { } declared ? $" : {declared}" : string.Empty;
        Line(builder, depth, $"{item.Path} \"{item.Label}\"{Aliases(item.Aliases)}{flags}{type}{Lineage(item.Lineage)}");
        foreach (var child in item.Children)
        {
            PrintItem(builder, child, depth + 1);
        }
    }

    private static string Presence(Presence presence) => presence switch
    {
        Semantics.Presence.Required => " required",
        Semantics.Presence.Optional => " optional",
        _ => string.Empty,
    };

    private static string Lineage(IEnumerable<LineageClause> clauses) => string.Concat(clauses.Select(c => " " + c));

    private static string Aliases(IEnumerable<string> aliases) => string.Concat(aliases.Select(a => $" alias \"{a}\""));

    private static void Optional(StringBuilder builder, int depth, string name, string? value)
    {
        if (value is not null)
        {
            Line(builder, depth, $"{name} \"{value}\"");
        }
    }

    private static void Line(StringBuilder builder, int depth, string text) => builder.Append(' ', depth * 2).Append(text).Append('\n');
}
