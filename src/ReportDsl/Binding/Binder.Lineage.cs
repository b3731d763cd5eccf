using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

internal sealed partial class Binder
{
    private static readonly LineageKind[] OnSection = [LineageKind.Renamed, LineageKind.Moved, LineageKind.Since, LineageKind.Until];
    private static readonly LineageKind[] OnTable = [LineageKind.Renamed, LineageKind.Moved, LineageKind.Since, LineageKind.Until];
    private static readonly LineageKind[] OnItem = [LineageKind.Renamed, LineageKind.Split, LineageKind.Merged, LineageKind.Since, LineageKind.Until];

    private bool _namesEarlier;

    /// <summary>
    /// Binds lineage clauses written in the binder's own file. An inherited part keeps no lineage: in the extending
    /// format it is the very item of the base format, whatever the base said about its own predecessor.
    /// </summary>
    private ImmutableArray<LineageClause> BindLineage(SyntaxList<LineageClauseSyntax>? clauses)
    {
        if (clauses is null || !ReferenceEquals(_tree, _ownTree))
        {
            return [];
        }

        var bound = ImmutableArray.CreateBuilder<LineageClause>();
        foreach (var clause in clauses)
        {
            if (ContainsSyntaxError(clause))
            {
                continue;
            }

            var kind = clause.Keyword.Kind switch
            {
                SyntaxKind.RenamedKeyword => LineageKind.Renamed,
                SyntaxKind.SplitKeyword => LineageKind.Split,
                SyntaxKind.MergedKeyword => LineageKind.Merged,
                SyntaxKind.MovedKeyword => LineageKind.Moved,
                SyntaxKind.SinceKeyword => LineageKind.Since,
                _ => LineageKind.Until,
            };
            var paths = clause.Paths.Select(p => p.DisplayText).ToImmutableArray();
            var value = clause.Value;
            var label = kind == LineageKind.Renamed && value is { Kind: SyntaxKind.StringToken } ? value.ValueText : null;
            var version = kind is LineageKind.Since or LineageKind.Until ? value?.ValueText : null;

            // A place that does not fit an int is no place a format has; it stays a number so that RD2116 says so.
            int? position = kind == LineageKind.Moved && value is { Kind: SyntaxKind.IntegerToken }
                ? int.TryParse(value.ValueText, NumberStyles.None, CultureInfo.InvariantCulture, out var place) ? place : int.MaxValue
                : null;
            bound.Add(new LineageClause(kind, paths, label, version, clause.Span) { Position = position });
        }

        return bound.ToImmutable();
    }

    /// <summary>Checks every lineage clause of the file against the earlier format it extends or revises.</summary>
    private void CheckLineage(FormatSymbol format)
    {
        foreach (var section in format.Sections)
        {
            CheckClauses(format, section.Lineage, OnSection, "On_Section", clause => clause.Kind switch
            {
                LineageKind.Renamed => FindEarlierSection(format, clause) is null ? Missing(format, clause, "On_Section") : null,
                LineageKind.Moved => CheckSectionMove(format, section, clause),
                _ => null,
            }, format.Earlier?.Sections.FirstOrDefault(s => s.Name == section.Name)?.Name);

            foreach (var table in section.Tables)
            {
                CheckTable(format, table);
            }
        }
    }

    private void CheckTable(FormatSymbol format, TableSymbol table)
    {
        var earlierTable = EarlierTable(format, table);
        CheckClauses(format, table.Lineage, OnTable, "On_Table", clause => clause.Kind switch
        {
            LineageKind.Renamed when earlierTable is null => Missing(format, clause, "On_Table"),
            LineageKind.Moved when clause.Position is { } position => DiagnosticCatalog.MovedOperandMismatch(_source, clause.Span, position.ToString(CultureInfo.InvariantCulture), "On_Table"),
            LineageKind.Moved when format.Earlier?.Sections.FirstOrDefault(s => s.Name == clause.Paths.FirstOrDefault()) is not { } old
                || earlierTable is null || !old.Tables.Contains(earlierTable) => Missing(format, clause, "On_Section"),
            _ => null,
        }, format.Earlier?.FindTable(table.Name)?.Name);

        var claimed = new Dictionary<(Axis, string), AxisItemSymbol>();
        var splits = new Dictionary<(Axis, string), List<(LineageClause Clause, AxisItemSymbol Part)>>();
        foreach (var item in table.Rows.Concat(table.Columns).SelectMany(Descendants))
        {
            var place = item.IsGroup ? "On_Group" : item.Axis == Axis.Row ? "On_Row" : "On_Column";
            var existing = earlierTable?.FindItem(item.Axis, item.Path) is { } same ? same.Path : null;
            CheckClauses(format, item.Lineage, OnItem, place, clause => CheckItemClause(format, table, earlierTable, item, clause, claimed, splits), existing);
        }

        foreach (var parts in splits.Values)
        {
            if (parts.Count == 1)
            {
                Report(DiagnosticCatalog.SinglePart(_source, parts[0].Clause.Span, "split", parts[0].Clause.Paths[0]));
            }
            else if (earlierTable is not null && earlierTable.FindItem(parts[0].Part.Axis, parts[0].Clause.Paths[0]) is { } source)
            {
                CheckSplitCoverage(earlierTable, table, source, parts);
            }
        }
    }

    /// <summary>
    /// Checks that the parts of a split together stand where every cell of the earlier item stood (each cell of the
    /// earlier row has a value cell of some part in a column that continues the earlier column), and that no part lies
    /// inside another, which would count its values twice when the parts are added up.
    /// </summary>
    private void CheckSplitCoverage(TableSymbol earlierTable, TableSymbol table, AxisItemSymbol source, List<(LineageClause Clause, AxisItemSymbol Part)> parts)
    {
        var axis = source.Axis;
        var covered = new HashSet<AxisItemSymbol>();
        foreach (var cell in table.Cells.Where(c => c.Fact is null && parts.Any(p => ReferenceEquals(p.Part, axis == Axis.Row ? c.Row : c.Column))))
        {
            covered.UnionWith(EarlierItems(earlierTable, axis == Axis.Row ? cell.Column : cell.Row).SelectMany(Descendants));
        }

        var names = string.Join(", ", parts.Select(p => p.Part.Path));
        var first = parts[0].Clause.Span;
        foreach (var cell in earlierTable.Cells.Where(c => c.Fact is null && ReferenceEquals(axis == Axis.Row ? c.Row : c.Column, source)))
        {
            if (!covered.Contains(axis == Axis.Row ? cell.Column : cell.Row))
            {
                Report(DiagnosticCatalog.SplitLeavesCellUncovered(_source, first, source.Path, $"{earlierTable.Name}.{cell.Row.Path}[{cell.Column.Path}]", names));
            }
        }

        foreach (var (clause, part) in parts)
        {
            if (parts.FirstOrDefault(p => !ReferenceEquals(p.Part, part) && p.Part.HoldsValues && IsInside(part, p.Part)) is { Part: { } enclosing })
            {
                Report(DiagnosticCatalog.SplitPartCountedTwice(_source, clause.Span, part.Path, enclosing.Path, source.Path));
            }
        }
    }

    /// <summary>
    /// The items of the earlier table an item continues, by its own lineage (renamed, split, merged, since), else by its
    /// earlier identifier path.
    /// </summary>
    internal static IEnumerable<AxisItemSymbol> EarlierItems(TableSymbol earlierTable, AxisItemSymbol item)
    {
        var identity = item.Lineage.FirstOrDefault(l => l.IsIdentity);
        switch (identity?.Kind)
        {
            case LineageKind.Since:
                return [];
            case LineageKind.Renamed when identity.Label is { } label:
                return Descendants(earlierTable.ItemsOf(item.Axis)).Where(i => i.Label == label || i.Aliases.Contains(label)).Take(1);
            case LineageKind.Renamed or LineageKind.Split or LineageKind.Merged:
                return identity.Paths.Select(p => earlierTable.FindItem(item.Axis, p)).OfType<AxisItemSymbol>();
        }

        return earlierTable.FindItem(item.Axis, EarlierPath(item)) is { } same ? [same] : [];
    }

    /// <summary>The item's path in the earlier format: its own <c>renamed from</c> path, or its parent's earlier path and its id.</summary>
    internal static string EarlierPath(AxisItemSymbol item)
    {
        if (item.Lineage.FirstOrDefault(l => l.Kind == LineageKind.Renamed && l.Label is null) is { } renamed)
        {
            return renamed.Paths[0];
        }

        return item.Parent is null ? item.Name : EarlierPath(item.Parent) + "." + item.Name;
    }

    private static bool IsInside(AxisItemSymbol item, AxisItemSymbol group)
    {
        for (var parent = item.Parent; parent is not null; parent = parent.Parent)
        {
            if (ReferenceEquals(parent, group))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>moved from N</c> on a section: the earlier format's section it continues was the N-th.</summary>
    private Diagnostic? CheckSectionMove(FormatSymbol format, SectionSymbol section, LineageClause clause)
    {
        if (clause.Position is not { } written)
        {
            return DiagnosticCatalog.MovedOperandMismatch(_source, clause.Span, string.Join(", ", clause.Paths), "On_Section");
        }

        if (format.Earlier is not { } earlier || EarlierSection(format, section) is not { } old)
        {
            return DiagnosticCatalog.LineageSourceNotFound(_source, clause.Span, Display(format.Earlier), new LocalizableText("On_Section"), section.Name);
        }

        var place = earlier.Sections.IndexOf(old) + 1;
        return place == written ? null : DiagnosticCatalog.SectionPlaceMismatch(_source, clause.Span, section.Name, written, Display(earlier), place);
    }

    /// <summary>The earlier format's section that a section continues: named by <c>renamed from</c>, else the same id.</summary>
    internal static SectionSymbol? EarlierSection(FormatSymbol format, SectionSymbol section) =>
        section.Lineage.FirstOrDefault(l => l.Kind == LineageKind.Renamed) is { } renamed
            ? FindEarlierSection(format, renamed)
            : format.Earlier?.Sections.FirstOrDefault(s => s.Name == section.Name);

    private Diagnostic? CheckItemClause(
        FormatSymbol format,
        TableSymbol table,
        TableSymbol? earlierTable,
        AxisItemSymbol item,
        LineageClause clause,
        Dictionary<(Axis, string), AxisItemSymbol> claimed,
        Dictionary<(Axis, string), List<(LineageClause Clause, AxisItemSymbol Part)>> splits)
    {
        if (clause.Kind is LineageKind.Since or LineageKind.Until)
        {
            return null;
        }

        if (earlierTable is null)
        {
            return DiagnosticCatalog.LineageSourceNotFound(_source, clause.Span, Display(format.Earlier), new LocalizableText("On_Table"), table.Name);
        }

        var sources = new List<AxisItemSymbol>();
        if (clause.Label is { } label)
        {
            var byLabel = Descendants(earlierTable.ItemsOf(item.Axis)).FirstOrDefault(i => i.Label == label || i.Aliases.Contains(label));
            if (byLabel is null)
            {
                return Missing(format, clause, item.IsGroup ? "On_Group" : item.Axis == Axis.Row ? "On_Row" : "On_Column");
            }

            sources.Add(byLabel);
        }

        foreach (var path in clause.Paths)
        {
            if (earlierTable.FindItem(item.Axis, path) is not { } source)
            {
                return DiagnosticCatalog.LineageSourceNotFound(_source, clause.Span, Display(format.Earlier), new LocalizableText(item.Axis == Axis.Row ? "On_Row" : "On_Column"), path);
            }

            sources.Add(source);
        }

        switch (clause.Kind)
        {
            case LineageKind.Merged when sources.Count < 2:
                return DiagnosticCatalog.SinglePart(_source, clause.Span, "merged", clause.Paths[0]);
            case LineageKind.Split when !sources[0].HoldsValues:
                return DiagnosticCatalog.SplitSourceHoldsNoValues(_source, clause.Span, sources[0].Path);
            case LineageKind.Split:
                var key = (item.Axis, sources[0].Path);
                if (!splits.TryGetValue(key, out var parts))
                {
                    splits[key] = parts = [];
                }

                parts.Add((clause, item));
                return null;
            case LineageKind.Renamed:
                if (claimed.TryGetValue((item.Axis, sources[0].Path), out var other))
                {
                    return DiagnosticCatalog.LineageSourceClaimedTwice(_source, clause.Span, sources[0].Path, other.Path);
                }

                claimed[(item.Axis, sources[0].Path)] = item;
                return null;
            default:
                return null;
        }
    }

    /// <summary>The checks every kind of declaration shares: where a clause may appear, one identity, versions in order.</summary>
    private void CheckClauses(FormatSymbol format, ImmutableArray<LineageClause> clauses, LineageKind[] allowed, string placeKey, Func<LineageClause, Diagnostic?> check, string? sameIdInEarlier)
    {
        LineageClause? identity = null;
        LineageClause? since = null;
        foreach (var clause in clauses)
        {
            var keyword = clause.ToString().Split(' ')[0];
            if (!allowed.Contains(clause.Kind))
            {
                Report(DiagnosticCatalog.LineageNotAllowed(_source, clause.Span, keyword, placeKey));
                continue;
            }

            if (clause.IsIdentity)
            {
                if (identity is not null)
                {
                    Report(DiagnosticCatalog.ConflictingLineage(_source, clause.Span, keyword, identity.ToString().Split(' ')[0]));
                    continue;
                }

                identity = clause;
            }

            if (clause.Kind == LineageKind.Since)
            {
                since = clause;
                if (clause.Version is { } version && CompareVersions(version, format.Version) > 0)
                {
                    Report(DiagnosticCatalog.SinceAfterVersion(_source, clause.Span, version, format.Version));
                    continue;
                }

                if (sameIdInEarlier is not null && format.Earlier is { } earlier)
                {
                    Report(DiagnosticCatalog.SinceButExisted(_source, clause.Span, sameIdInEarlier, clause.Version ?? string.Empty, Display(earlier)));
                    continue;
                }
            }

            if (clause.Kind == LineageKind.Until && since?.Version is { } from && clause.Version is { } until && CompareVersions(until, from) < 0)
            {
                Report(DiagnosticCatalog.UntilBeforeSince(_source, clause.Span, until, from));
                continue;
            }

            if (clause.Kind is LineageKind.Since or LineageKind.Until)
            {
                continue;
            }

            if (format.Earlier is null)
            {
                // A format that names no earlier one is told so for each clause; one whose earlier format was not
                // compiled along has had its warning (RD2114), and its clauses simply go unchecked.
                if (!_namesEarlier)
                {
                    Report(DiagnosticCatalog.LineageWithoutEarlier(_source, clause.Span, keyword));
                }

                continue;
            }

            if (check(clause) is { } diagnostic)
            {
                Report(diagnostic);
            }
        }
    }

    private Diagnostic Missing(FormatSymbol format, LineageClause clause, string placeKey) =>
        DiagnosticCatalog.LineageSourceNotFound(_source, clause.Span, Display(format.Earlier), new LocalizableText(placeKey), clause.Label ?? clause.Paths.FirstOrDefault() ?? string.Empty);

    private static SectionSymbol? FindEarlierSection(FormatSymbol format, LineageClause clause) =>
        format.Earlier?.Sections.FirstOrDefault(s => clause.Label is { } label ? s.Label == label || s.Aliases.Contains(label) : s.Name == clause.Paths.FirstOrDefault());

    /// <summary>The earlier format's table that a table continues: named by <c>renamed from</c>, else the same id.</summary>
    internal static TableSymbol? EarlierTable(FormatSymbol format, TableSymbol table)
    {
        if (format.Earlier is not { } earlier)
        {
            return null;
        }

        var renamed = table.Lineage.FirstOrDefault(l => l.Kind == LineageKind.Renamed);
        if (renamed is null)
        {
            return earlier.FindTable(table.Name);
        }

        return renamed.Label is { } label
            ? earlier.Tables.FirstOrDefault(t => t.Label == label || t.Aliases.Contains(label))
            : earlier.FindTable(renamed.Paths.FirstOrDefault() ?? string.Empty);
    }

    internal static IEnumerable<AxisItemSymbol> Descendants(AxisItemSymbol item) => new[] { item }.Concat(item.Children.SelectMany(Descendants));

    private static IEnumerable<AxisItemSymbol> Descendants(ImmutableArray<AxisItemSymbol> items) => items.SelectMany(Descendants);

    private static string Display(FormatSymbol? format) => format is null ? string.Empty : $"{format.Name} {format.Version}";

    /// <summary>Compares versions as numbers when both are, else as text.</summary>
    internal static int CompareVersions(string a, string b) =>
        long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
}
