using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

/// <summary>
/// <c>add</c> and <c>replace</c> in a format that extends another: rows, columns and rules changed one at a time inside
/// an inherited table, so that a variant states its differences without restating the table.
/// </summary>
internal sealed partial class Binder
{
    private void ApplyChange(ChangeState state, ChangeDeclarationSyntax change)
    {
        if (change.KindKeyword.Kind == SyntaxKind.RuleKeyword)
        {
            ApplyRuleChange(state, change);
            return;
        }

        var axis = change.KindKeyword.Kind == SyntaxKind.RowKeyword ? Axis.Row : Axis.Column;
        var names = change.Target.Names.Select(n => n.Text).ToList();
        if (state.Table(names[0]) is not { } table)
        {
            Report(DiagnosticCatalog.ChangeTargetNotFound(_source, change.Target.Span, "table", names[0]));
            return;
        }

        var items = change.Items?.ToList() ?? [];
        if (change.IsAdd)
        {
            AddItems(state, change, table, axis, names.Skip(1).ToList(), items);
            return;
        }

        var path = string.Join('.', names.Skip(1));
        if (names.Count < 2 || state.Find(table, axis, [.. names.Skip(1)]) is not var (parent, index, _))
        {
            if (names.Count < 2 || !Conflicts(state, (table, axis, path), change))
            {
                Report(DiagnosticCatalog.ChangeTargetNotFound(_source, change.Target.Span, change.KindKeyword.Text, change.Target.DisplayText));
            }

            return;
        }

        if (Conflicts(state, (table, axis, path), change) || !ExactlyOne(items.Count, change))
        {
            return;
        }

        var replacement = items[0];
        var siblings = state.ItemsOf(table, axis, parent);
        if (replacement.Name.Text != names[^1] && siblings.Any(s => s.Name.Text == replacement.Name.Text))
        {
            Report(DiagnosticCatalog.AddedItemExists(_source, replacement.Name.Span, Display(names[0], parent), replacement.Name.Text, change.KindKeyword.Text));
            return;
        }

        // What the old item had and the replacement has not (its id, when renamed; children a group no longer has) is
        // gone: an inherited "absent" line about it goes with it.
        var newPath = parent.Length == 0 ? replacement.Name.Text : parent + "." + replacement.Name.Text;
        var kept = new HashSet<string>(Paths(replacement, newPath), StringComparer.Ordinal);
        state.Gone.UnionWith(Paths(siblings[index], path).Where(p => !kept.Contains(p)).Select(p => (table, axis, p)));
        state.ForgetBelow(table, axis, path);
        state.SetItems(table, axis, parent, siblings.SetItem(index, replacement));
        state.Trees[replacement] = _tree;

        Touch(state, (table, axis, path), change);
    }

    private void AddItems(ChangeState state, ChangeDeclarationSyntax change, TableDeclarationSyntax table, Axis axis, List<string> groupPath, List<AxisItemSyntax> items)
    {
        var parent = string.Join('.', groupPath);
        if (groupPath.Count > 0 && state.Find(table, axis, groupPath) is not { Item: GroupItemSyntax })
        {
            if (state.Find(table, axis, groupPath) is null)
            {
                Report(DiagnosticCatalog.ChangeTargetNotFound(_source, change.Target.Span, change.KindKeyword.Text, change.Target.DisplayText));
            }
            else
            {
                Report(DiagnosticCatalog.AddIntoLeaf(_source, change.Target.Span, change.Target.DisplayText));
            }

            return;
        }

        var siblings = state.ItemsOf(table, axis, parent);
        var at = siblings.Length;
        if (change is { PlacementKeyword: { } placement, Anchor: { } anchor })
        {
            var anchorIndex = ChangeState.IndexOf(siblings, s => s.Name.Text == anchor.Text);
            if (anchorIndex < 0)
            {
                Report(DiagnosticCatalog.ChangeAnchorNotFound(_source, anchor.Span, anchor.Text, change.Target.DisplayText, placement.Text));
                return;
            }

            // Items added after the same sibling by earlier lines stay before these ones, in the order of the file.
            at = anchorIndex + 1;
            if (placement.Kind == SyntaxKind.BeforeKeyword)
            {
                at = anchorIndex;
            }
            else
            {
                while (at < siblings.Length && state.AddedAfter.Contains((siblings[at], anchor.Text)))
                {
                    at++;
                }
            }
        }

        var added = new List<AxisItemSyntax>();
        foreach (var item in items)
        {
            if (siblings.Any(s => s.Name.Text == item.Name.Text))
            {
                Report(DiagnosticCatalog.AddedItemExists(_source, item.Name.Span, Display(table.Name.Text, parent), item.Name.Text, change.KindKeyword.Text));
                continue;
            }

            added.Add(item);
            state.Trees[item] = _tree;
            if (change.PlacementKeyword is { Kind: SyntaxKind.AfterKeyword } && change.Anchor is { } after)
            {
                state.AddedAfter.Add((item, after.Text));
            }
        }

        state.SetItems(table, axis, parent, siblings.InsertRange(at, added));
    }

    private void ApplyRuleChange(ChangeState state, ChangeDeclarationSyntax change)
    {
        var rules = change.Rules?.ToList() ?? [];
        var names = change.Target.Names.Select(n => n.Text).ToList();
        if (change.IsAdd)
        {
            if (names.Count != 1 || state.Table(names[0]) is not { } table)
            {
                Report(DiagnosticCatalog.ChangeTargetNotFound(_source, change.Target.Span, "table", change.Target.DisplayText));
                return;
            }

            foreach (var rule in rules)
            {
                state.Trees[rule] = _tree;
            }

            state.SetRules(table, state.RulesOf(table).AddRange(rules));
            return;
        }

        var key = ((TableDeclarationSyntax?)null, Axis.Row, change.Target.DisplayText);
        if (Conflicts(state, key, change))
        {
            return;
        }

        if (names.Count != 1 || state.FindRule(names[0]) is not var (ruleTable, index))
        {
            Report(DiagnosticCatalog.ChangeTargetNotFound(_source, change.Target.Span, change.KindKeyword.Text, change.Target.DisplayText));
            return;
        }

        if (!ExactlyOne(rules.Count, change))
        {
            return;
        }

        state.Trees[rules[0]] = _tree;
        state.SetRules(ruleTable, state.RulesOf(ruleTable).SetItem(index, rules[0]));
        Touch(state, key, change);
    }

    private bool ExactlyOne(int count, ChangeDeclarationSyntax change)
    {
        if (count == 1)
        {
            return true;
        }

        Report(DiagnosticCatalog.ReplacementCount(_source, change.OpenBrace.Span, change.KindKeyword.Text, count));
        return false;
    }

    /// <summary>Reports a second removal or replacement of the same row, column or rule by this file.</summary>
    private bool Conflicts(ChangeState state, (TableDeclarationSyntax?, Axis, string) key, DeclarationSyntax declaration)
    {
        if (!state.Touched.TryGetValue(key, out var line))
        {
            return false;
        }

        var target = declaration is ChangeDeclarationSyntax change ? change.Target : ((RemoveDeclarationSyntax)declaration).Target;
        Report(DiagnosticCatalog.ConflictingChanges(_source, target.Span, target.DisplayText, line));
        return true;
    }

    private void Touch(ChangeState state, (TableDeclarationSyntax?, Axis, string) key, DeclarationSyntax declaration) =>
        state.Touched[key] = _source.GetLinePosition(declaration.Span.Start).Line;

    private static IEnumerable<string> Paths(AxisItemSyntax item, string path) =>
        item is GroupItemSyntax group ? group.Items.SelectMany(i => Paths(i, path + "." + i.Name.Text)).Prepend(path) : [path];

    private static string Display(string table, string parent) => parent.Length == 0 ? table : table + "." + parent;
}
