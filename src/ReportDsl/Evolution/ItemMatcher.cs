using System.Collections.Immutable;
using ReportDsl.Binding;
using ReportDsl.Semantics;

namespace ReportDsl.Evolution;

/// <summary>
/// Finds, for each table, row and column of a target format, what corresponds to it in a source format. The lineage
/// declared in the later of the two specs comes first (renamed, split, merged, since), read forwards when the target
/// revises or extends the source and backwards when the source revises or extends the target; then the identifier path
/// (under renamed groups, the earlier path); then the official label path.
/// </summary>
internal sealed class ItemMatcher
{
    private readonly FormatSymbol _source;
    private readonly FormatSymbol _target;
    private readonly bool _forward;
    private readonly bool _backward;

    public ItemMatcher(FormatSymbol source, FormatSymbol target)
    {
        _source = source;
        _target = target;
        _forward = !ReferenceEquals(source, target) && CellMapping.SameFormat(target.Earlier, source);
        _backward = !ReferenceEquals(source, target) && CellMapping.SameFormat(source.Earlier, target);
    }

    /// <summary>The source table that corresponds to a target table, or null.</summary>
    public TableSymbol? MatchTable(TableSymbol target)
    {
        if (ReferenceEquals(_source, _target))
        {
            return target;
        }

        // The earlier format may be another compilation's copy of the source: tables are taken from the source by id.
        if (_forward)
        {
            return Binder.EarlierTable(_target, target) is { } earlier ? _source.FindTable(earlier.Name) : null;
        }

        if (_backward)
        {
            return _source.Tables.FirstOrDefault(t => Binder.EarlierTable(_source, t)?.Name == target.Name);
        }

        return _source.FindTable(target.Name)
            ?? _source.Tables.FirstOrDefault(t => t.Label == target.Label || t.Aliases.Contains(target.Label) || target.Aliases.Contains(t.Label));
    }

    /// <summary>Where a target cell's value comes from.</summary>
    public CellCarry Carry(CellSymbol target)
    {
        if (MatchTable(target.Table) is not { } table)
        {
            return new CellCarry(target, CarryKind.New, []);
        }

        var rows = MatchItem(table, target.Row);
        var columns = MatchItem(table, target.Column);
        if (rows.Kind == CarryKind.New || columns.Kind == CarryKind.New)
        {
            return new CellCarry(target, CarryKind.New, []);
        }

        var cells = rows.Items.SelectMany(r => r.ValueLeaves()).SelectMany(r => columns.Items.SelectMany(c => c.ValueLeaves()).Select(c => table.GetCell(r, c))).OfType<CellSymbol>().ToImmutableArray();
        if (cells.IsEmpty)
        {
            return new CellCarry(target, CarryKind.New, []);
        }

        var kind = rows.Kind == CarryKind.NotExact || columns.Kind == CarryKind.NotExact ? CarryKind.NotExact
            : cells.Length == 1 ? CarryKind.Same
            : CarryKind.Sum;
        return new CellCarry(target, kind, cells);
    }

    /// <summary>The source items whose values make up a target item: one, several to sum, or the item it cannot be told from.</summary>
    public (CarryKind Kind, ImmutableArray<AxisItemSymbol> Items) MatchItem(TableSymbol sourceTable, AxisItemSymbol target)
    {
        if (ReferenceEquals(_source, _target))
        {
            return (CarryKind.Same, [target]);
        }

        if (_forward && Forward(sourceTable, target) is { } forward)
        {
            return forward;
        }

        if (_backward && Backward(sourceTable, target) is { } backward)
        {
            return backward;
        }

        var match = sourceTable.FindItem(target.Axis, target.Path) ?? FindByLabels(sourceTable.ItemsOf(target.Axis), target.LabelPath);
        return match is null ? (CarryKind.New, []) : (CarryKind.Same, [match]);
    }

    private static (CarryKind, ImmutableArray<AxisItemSymbol>)? Forward(TableSymbol sourceTable, AxisItemSymbol target)
    {
        var identity = target.Lineage.FirstOrDefault(l => l.IsIdentity);
        switch (identity?.Kind)
        {
            case LineageKind.Since:
                return (CarryKind.New, []);
            case LineageKind.Split:
                return sourceTable.FindItem(target.Axis, identity.Paths[0]) is { } split ? (CarryKind.NotExact, [split]) : (CarryKind.New, []);
            case LineageKind.Merged:
                var parts = identity.Paths.Select(p => sourceTable.FindItem(target.Axis, p)).OfType<AxisItemSymbol>().ToImmutableArray();
                return parts.Length == identity.Paths.Length ? (CarryKind.Sum, parts) : (CarryKind.New, []);
            case LineageKind.Renamed:
                var renamed = identity.Label is { } label
                    ? sourceTable.ItemsOf(target.Axis).SelectMany(Binder.Descendants).FirstOrDefault(i => i.Label == label || i.Aliases.Contains(label))
                    : sourceTable.FindItem(target.Axis, identity.Paths[0]);
                return renamed is null ? (CarryKind.New, []) : (CarryKind.Same, [renamed]);
        }

        // A group's parts that split an earlier item carry nothing as a group; under a renamed group the earlier path is used.
        return sourceTable.FindItem(target.Axis, Binder.EarlierPath(target)) is { } same ? (CarryKind.Same, [same]) : null;
    }

    private static (CarryKind, ImmutableArray<AxisItemSymbol>)? Backward(TableSymbol sourceTable, AxisItemSymbol target)
    {
        var later = sourceTable.Rows.Concat(sourceTable.Columns).SelectMany(Binder.Descendants).Where(i => i.Axis == target.Axis).ToList();
        var parts = later.Where(i => i.Lineage.Any(l => l.Kind == LineageKind.Split && l.Paths[0] == target.Path)).ToImmutableArray();
        if (!parts.IsEmpty)
        {
            return (CarryKind.Sum, parts);
        }

        if (later.FirstOrDefault(i => i.Lineage.Any(l => l.Kind == LineageKind.Merged && l.Paths.Contains(target.Path))) is { } merged)
        {
            return (CarryKind.NotExact, [merged]);
        }

        if (later.FirstOrDefault(i => i.Lineage.Any(l => l.Kind == LineageKind.Renamed && (l.Paths.Contains(target.Path) || l.Label == target.Label))) is { } renamed)
        {
            return (CarryKind.Same, [renamed]);
        }

        var same = later.FirstOrDefault(i => !i.Lineage.Any(l => l.IsIdentity) && Binder.EarlierPath(i) == target.Path);
        return same is null ? null : (CarryKind.Same, [same]);
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
