using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

internal sealed partial class Binder
{
    // The table being bound and the format's effective content, so that the rows, columns and rules a format that
    // extends it removed, replaced or added are bound instead of the declared ones.
    private (TableDeclarationSyntax Syntax, EffectiveSpec Effective)? _changes;

    private TableSymbol BindTable(TableEntry entry, EffectiveSpec effective, SectionSymbol section)
    {
        Use(entry.Tree);
        var syntax = entry.Syntax;
        _changes = (syntax, effective);
        var table = new TableSymbol(syntax.Name.Text, _source, syntax.Name.Span, syntax.Labels.Label.ValueText, Aliases(syntax.Labels))
        {
            Section = section,
            Presence = PresenceOf(BindModifiers(syntax.Modifiers, [SyntaxKind.RequiredKeyword, SyntaxKind.OptionalKeyword], "On_Table")),
            Lineage = BindLineage(syntax.Lineage),
        };
        AxisMemberSyntax? rows = null;
        AxisMemberSyntax? columns = null;
        var absents = new List<AbsentMemberSyntax>();
        var seenSingles = new HashSet<SyntaxKind>();
        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case StubMemberSyntax stub:
                    if (!seenSingles.Add(SyntaxKind.StubKeyword))
                    {
                        Report(DiagnosticCatalog.DuplicateProperty(_source, stub.StubKeyword.Span, "stub"));
                        break;
                    }

                    table.Stub = stub.Label.ValueText;
                    break;
                case CellsMemberSyntax cells:
                    if (!seenSingles.Add(SyntaxKind.CellsKeyword))
                    {
                        Report(DiagnosticCatalog.DuplicateProperty(_source, cells.CellsKeyword.Span, "cells"));
                        break;
                    }

                    table.DefaultType = BindCellType(cells.Type);
                    break;
                case AxisMemberSyntax axis when !axis.Keyword.IsMissing:
                    ref var slot = ref axis.IsRows ? ref rows : ref columns;
                    if (slot is not null)
                    {
                        Report(DiagnosticCatalog.DuplicateAxis(_source, axis.Keyword.Span, axis.Keyword.Text));
                        break;
                    }

                    slot = axis;
                    break;
                case AbsentMemberSyntax absent:
                    absents.Add(absent);
                    break;
            }
        }

        foreach (var rule in effective.Rules(syntax))
        {
            _pendingRules.Add((table, rule, effective.TreeOf(rule) ?? _tree));
        }

        table.Rows = BindAxis(table, rows, Axis.Row);
        table.Columns = BindAxis(table, columns, Axis.Column);
        table.RowsCaption = rows?.Caption?.ValueText;
        table.ColumnsCaption = columns?.Caption?.ValueText;
        if (!syntax.Name.IsMissing)
        {
            if (rows is null)
            {
                Report(DiagnosticCatalog.MissingAxis(_source, syntax.Name.Span, table.Name, rows: true));
            }

            if (columns is null)
            {
                Report(DiagnosticCatalog.MissingAxis(_source, syntax.Name.Span, table.Name, rows: false));
            }
        }

        table.ValueRows = [.. table.Rows.SelectMany(r => r.ValueLeaves())];
        table.ValueColumns = [.. table.Columns.SelectMany(c => c.ValueLeaves())];
        var absentCells = BindAbsentCells(table, absents);
        table.Cells = BindCells(table, syntax, absentCells);
        _changes = null;
        return table;
    }

    private ImmutableArray<AxisItemSymbol> BindAxis(TableSymbol table, AxisMemberSyntax? syntax, Axis axis)
    {
        if (syntax is null)
        {
            return [];
        }

        var scope = new LocalizableText(axis == Axis.Row ? "Scope_Rows" : "Scope_Columns", table.Name);
        return BindItems(syntax.Items, axis, null, scope);
    }

    private ImmutableArray<AxisItemSymbol> BindItems(IEnumerable<AxisItemSyntax> declared, Axis axis, AxisItemSymbol? parent, object scope)
    {
        var symbols = new List<AxisItemSymbol>();
        var items = _changes is ({ } tableSyntax, { } effective) ? effective.Items(tableSyntax, axis, parent?.Path ?? string.Empty, declared) : declared;
        foreach (var item in items)
        {
            // A row or column that a change brought in is bound in its own file, its children with it.
            var tree = _tree;
            if (_changes is (_, { } changes) && changes.TreeOf(item) is { } own)
            {
                Use(own);
            }

            symbols.Add(BindItem(item, axis, parent));
            Use(tree);
        }

        CheckUniqueNames(symbols.Select(s => (s.Name, s.NameSpan, s.Source)), scope);
        CheckUniqueLabels(symbols.Where(s => !s.IsUnlabeled).Select(s => (s.Name, s.Label, s.Aliases, s.NameSpan, s.Source)), scope);
        return [.. symbols];
    }

    private AxisItemSymbol BindItem(AxisItemSyntax item, Axis axis, AxisItemSymbol? parent)
    {
        var isGroup = item is GroupItemSyntax;
        var placeKey = isGroup ? "On_Group" : axis == Axis.Row ? "On_Row" : "On_Column";
        SyntaxKind[] allowed = isGroup
            ? [SyntaxKind.RequiredKeyword, SyntaxKind.OptionalKeyword, SyntaxKind.ExhaustiveKeyword, SyntaxKind.NonexhaustiveKeyword]
            : [SyntaxKind.HeaderKeyword, SyntaxKind.UnlabeledKeyword, SyntaxKind.RequiredKeyword, SyntaxKind.OptionalKeyword, SyntaxKind.SubtotalKeyword];
        var modifiers = BindModifiers(item.Modifiers, allowed, placeKey);
        var declaredType = item is LeafItemSyntax { Type: { } type } ? BindCellType(type) : null;
        var symbol = new AxisItemSymbol(
            item.Name.Text,
            _source,
            item.Name.Span,
            axis,
            item.Labels.Label.ValueText,
            Aliases(item.Labels),
            isGroup,
            modifiers.Contains(SyntaxKind.HeaderKeyword),
            modifiers.Contains(SyntaxKind.UnlabeledKeyword),
            declaredType,
            parent)
        {
            Lineage = BindLineage(item.Lineage),
            Presence = PresenceOf(modifiers) is var own && own != Presence.Unspecified ? own : parent?.Presence ?? Presence.Unspecified,
            Relation = modifiers.Contains(SyntaxKind.ExhaustiveKeyword) ? GroupRelation.Exhaustive
                : modifiers.Contains(SyntaxKind.NonexhaustiveKeyword) ? GroupRelation.Nonexhaustive : GroupRelation.None,
            IsSubtotal = modifiers.Contains(SyntaxKind.SubtotalKeyword),
        };
        if (item is GroupItemSyntax group)
        {
            if (group.Items.Count == 0 && !group.Name.IsMissing)
            {
                Report(DiagnosticCatalog.EmptyGroup(_source, group.Name.Span, group.Name.Text));
            }

            symbol.Children = BindItems(group.Items, axis, symbol, new LocalizableText("Scope_Group", symbol.Path));
        }

        return symbol;
    }

    private HashSet<(AxisItemSymbol, AxisItemSymbol)> BindAbsentCells(TableSymbol table, List<AbsentMemberSyntax> absents)
    {
        var cells = new HashSet<(AxisItemSymbol, AxisItemSymbol)>();
        foreach (var absent in absents)
        {
            var reference = absent.Cells;
            if (ContainsSyntaxError(absent) || MentionsRemovedItem(reference))
            {
                continue;
            }

            var row = ResolveItem(table, reference.Row, Axis.Row);
            var column = reference.Column is null ? null : ResolveItem(table, reference.Column, Axis.Column);
            if (row is null || (reference.Column is not null && column is null))
            {
                continue;
            }

            var columns = column?.ValueLeaves() ?? table.ValueColumns;
            foreach (var r in row.ValueLeaves())
            {
                foreach (var c in columns)
                {
                    cells.Add((r, c));
                }
            }
        }

        return cells;
    }

    // An inherited "absent" line about a row or column the extending file removed goes with it.
    private bool MentionsRemovedItem(CellReferenceSyntax reference)
    {
        if (_changes is not ({ } table, { } effective) || effective.GoneItems.IsEmpty)
        {
            return false;
        }

        return Removed(reference.Row, Axis.Row) || (reference.Column is { } column && Removed(column, Axis.Column));

        bool Removed(PathSyntax path, Axis axis)
        {
            var names = path.Names.Select(n => n.Text).ToList();
            return Enumerable.Range(1, names.Count).Any(n => effective.IsGone(table, axis, string.Join('.', names.Take(n))));
        }
    }

    private ImmutableArray<CellSymbol> BindCells(TableSymbol table, TableDeclarationSyntax syntax, HashSet<(AxisItemSymbol, AxisItemSymbol)> absent)
    {
        var cells = ImmutableArray.CreateBuilder<CellSymbol>();
        var reportedConflicts = new HashSet<AxisItemSymbol>();
        var reportedMissingType = false;
        foreach (var row in table.ValueRows)
        {
            foreach (var column in table.ValueColumns)
            {
                if (absent.Contains((row, column)))
                {
                    continue;
                }

                if (row.DeclaredType is { } rowType && column.DeclaredType is { } columnType && rowType != columnType
                    && reportedConflicts.Add(row))
                {
                    Report(DiagnosticCatalog.ConflictingCellTypes(row.Source, row.NameSpan, $"{row.Path}[{column.Path}]", rowType.ToString(), columnType.ToString()));
                }

                var type = row.DeclaredType ?? column.DeclaredType ?? table.DefaultType;
                if (type is null)
                {
                    if (!reportedMissingType && !syntax.Name.IsMissing)
                    {
                        Report(DiagnosticCatalog.MissingCellType(row.Source, row.NameSpan, $"{table.Name}.{row.Path}[{column.Path}]"));
                        reportedMissingType = true;
                    }

                    type = CellType.Count;
                }

                cells.Add(new CellSymbol(table, row, column, type) { Presence = CellPresence(table, row, column) });
            }
        }

        return cells.ToImmutable();
    }

    /// <summary>Resolves a path to a row or column of a table, reporting unknown names and wrong axes.</summary>
    private AxisItemSymbol? ResolveItem(TableSymbol table, PathSyntax path, Axis axis) =>
        ResolveItem(table, [.. path.Names], path.Span, path.DisplayText, axis);

    private AxisItemSymbol? ResolveItem(TableSymbol table, List<SyntaxToken> names, Text.TextSpan span, string display, Axis axis)
    {
        var (item, failedAt) = Walk(table.ItemsOf(axis), names);
        if (item is not null)
        {
            return item;
        }

        var (other, otherFailedAt) = Walk(table.ItemsOf(Other(axis)), names);
        if (other is not null)
        {
            Report(DiagnosticCatalog.WrongAxis(_source, span, display, isRow: axis == Axis.Column));
            return null;
        }

        ReportUnknown(table, names, axis, failedAt >= otherFailedAt ? axis : Other(axis), Math.Max(failedAt, otherFailedAt), includeTables: false);
        return null;
    }

    private static Axis Other(Axis axis) => axis == Axis.Row ? Axis.Column : Axis.Row;

    private static (AxisItemSymbol? Item, int FailedAt) Walk(ImmutableArray<AxisItemSymbol> items, IReadOnlyList<SyntaxToken> names)
    {
        AxisItemSymbol? current = null;
        for (var i = 0; i < names.Count; i++)
        {
            current = items.FirstOrDefault(item => item.Name == names[i].Text);
            if (current is null)
            {
                return (null, i);
            }

            items = current.Children;
        }

        return (current, names.Count);
    }

    private void ReportUnknown(TableSymbol table, IReadOnlyList<SyntaxToken> names, Axis axis, Axis failedAxis, int failedAt, bool includeTables)
    {
        var failed = names[Math.Min(failedAt, names.Count - 1)];
        if (failedAt == 0)
        {
            var candidates = table.Rows.Concat(table.Columns).Select(i => i.Name);
            if (includeTables)
            {
                candidates = candidates.Concat(_allTables.Select(t => t.Name));
            }

            Report(DiagnosticCatalog.UnknownName(_source, failed.Span, failed.Text, new LocalizableText("Scope_Table", table.Name), NameSuggester.Suggest(failed.Text, candidates)));
            return;
        }

        var (parent, _) = Walk(table.ItemsOf(failedAxis), names.Take(failedAt).ToList());
        var siblings = parent?.Children.Select(c => c.Name) ?? [];
        var scope = new LocalizableText("Scope_Group", parent?.Path ?? string.Join('.', names.Take(failedAt).Select(n => n.Text)));
        Report(DiagnosticCatalog.UnknownName(_source, failed.Span, failed.Text, scope, NameSuggester.Suggest(failed.Text, siblings)));
    }
}
