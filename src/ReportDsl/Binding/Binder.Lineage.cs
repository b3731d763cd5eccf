using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

internal sealed partial class Binder
{
    private static readonly LineageKind[] OnSection = [LineageKind.Renamed, LineageKind.Since, LineageKind.Until];
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
            bound.Add(new LineageClause(kind, paths, label, version, clause.Span));
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
            LineageKind.Moved when format.Earlier?.Sections.FirstOrDefault(s => s.Name == clause.Paths.FirstOrDefault()) is not { } old
                || earlierTable is null || !old.Tables.Contains(earlierTable) => Missing(format, clause, "On_Section"),
            _ => null,
        }, format.Earlier?.FindTable(table.Name)?.Name);

        var claimed = new Dictionary<(Axis, string), AxisItemSymbol>();
        var splits = new Dictionary<(Axis, string), List<LineageClause>>();
        foreach (var item in table.Rows.Concat(table.Columns).SelectMany(Descendants))
        {
            var place = item.IsGroup ? "On_Group" : item.Axis == Axis.Row ? "On_Row" : "On_Column";
            var existing = earlierTable?.FindItem(item.Axis, item.Path) is { } same ? same.Path : null;
            CheckClauses(format, item.Lineage, OnItem, place, clause => CheckItemClause(format, table, earlierTable, item, clause, claimed, splits), existing);
        }

        foreach (var parts in splits.Values.Where(p => p.Count == 1))
        {
            Report(DiagnosticCatalog.SinglePart(_source, parts[0].Span, "split", parts[0].Paths[0]));
        }
    }

    private Diagnostic? CheckItemClause(
        FormatSymbol format,
        TableSymbol table,
        TableSymbol? earlierTable,
        AxisItemSymbol item,
        LineageClause clause,
        Dictionary<(Axis, string), AxisItemSymbol> claimed,
        Dictionary<(Axis, string), List<LineageClause>> splits)
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

                parts.Add(clause);
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
