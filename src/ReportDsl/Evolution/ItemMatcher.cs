using System.Collections.Immutable;
using ReportDsl.Semantics;

namespace ReportDsl.Evolution;

/// <summary>
/// Finds, for each table, row and column of a target format, what corresponds to it in a source format: by identifier
/// path first, then by official label path (a relabelled item keeps its id; a re-identified one keeps its labels).
/// </summary>
internal sealed class ItemMatcher
{
    private readonly FormatSymbol _source;

    public ItemMatcher(FormatSymbol source, FormatSymbol target)
    {
        _source = source;
        _ = target;
    }

    /// <summary>The source table that corresponds to a target table, or null.</summary>
    public TableSymbol? MatchTable(TableSymbol target) =>
        _source.FindTable(target.Name)
        ?? _source.Tables.FirstOrDefault(t => t.Label == target.Label || t.Aliases.Contains(target.Label) || target.Aliases.Contains(t.Label));

    /// <summary>Where a target cell's value comes from.</summary>
    public CellCarry Carry(CellSymbol target)
    {
        if (MatchTable(target.Table) is not { } table)
        {
            return new CellCarry(target, CarryKind.New, []);
        }

        var rows = MatchLeaves(table, target.Row);
        var columns = MatchLeaves(table, target.Column);
        if (rows.Kind == CarryKind.New || columns.Kind == CarryKind.New)
        {
            return new CellCarry(target, CarryKind.New, []);
        }

        var cells = rows.Items.SelectMany(r => columns.Items.Select(c => table.GetCell(r, c))).OfType<CellSymbol>().ToImmutableArray();
        if (cells.IsEmpty)
        {
            return new CellCarry(target, CarryKind.New, []);
        }

        var kind = rows.Kind == CarryKind.PartOfSplit || columns.Kind == CarryKind.PartOfSplit ? CarryKind.PartOfSplit
            : cells.Length == 1 ? CarryKind.Same
            : CarryKind.Sum;
        return new CellCarry(target, kind, cells);
    }

    private static (CarryKind Kind, ImmutableArray<AxisItemSymbol> Items) MatchLeaves(TableSymbol table, AxisItemSymbol target)
    {
        var match = table.FindItem(target.Axis, target.Path) ?? FindByLabels(table.ItemsOf(target.Axis), target.LabelPath);
        return match is { HoldsValues: true } ? (CarryKind.Same, [match]) : (CarryKind.New, []);
    }

    /// <summary>Finds an item by its official label path, accepting aliases on either side at every level.</summary>
    internal static AxisItemSymbol? FindByLabels(ImmutableArray<AxisItemSymbol> items, ImmutableArray<string> labels)
    {
        AxisItemSymbol? current = null;
        foreach (var label in labels)
        {
            current = items.FirstOrDefault(i => i.Label == label || i.Aliases.Contains(label));
            if (current is null)
            {
                return null;
            }

            items = current.Children;
        }

        return current;
    }
}
