using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

/// <summary>A table declaration of a format's effective content, with the file that declares it.</summary>
internal sealed record TableEntry(TableDeclarationSyntax Syntax, SyntaxTree Tree);

/// <summary>A section declaration of a format's effective content, with its tables (own or inherited).</summary>
internal sealed record SectionEntry(SectionDeclarationSyntax Syntax, SyntaxTree Tree, ImmutableArray<TableEntry> Tables);

/// <summary>
/// What a format consists of after <c>extends</c>: the declarations of the base format (itself possibly an extension),
/// replaced, added to, changed and removed from by the extending file. The base file's syntax is bound as it is,
/// except where a change gave a table's rules, or a table's or group's rows or columns, a list of their own.
/// </summary>
/// <param name="Sections">The sections, each with its tables.</param>
/// <param name="GoneItems">Row and column paths removed or renamed away: an inherited <c>absent</c> line about one goes with it.</param>
/// <param name="ItemLists">The rows or columns of a table (parent "") or of a group (its path) that a change rewrote.</param>
/// <param name="RuleLists">The rules of a table that a change rewrote.</param>
/// <param name="Trees">The file of each row, column and rule that a change brought in from another file than its table's.</param>
internal sealed record EffectiveSpec(
    ImmutableArray<SectionEntry> Sections,
    ImmutableHashSet<(TableDeclarationSyntax Table, Axis Axis, string Path)> GoneItems,
    ImmutableDictionary<(TableDeclarationSyntax Table, Axis Axis, string Parent), ImmutableArray<AxisItemSyntax>> ItemLists,
    ImmutableDictionary<TableDeclarationSyntax, ImmutableArray<RuleDeclarationSyntax>> RuleLists,
    ImmutableDictionary<SyntaxNode, SyntaxTree> Trees)
{
    public bool IsGone(TableDeclarationSyntax table, Axis axis, string path) =>
        !GoneItems.IsEmpty && GoneItems.Contains((table, axis, path));

    /// <summary>The rows or columns directly under a table's axis (parent "") or a group, after the changes.</summary>
    public IEnumerable<AxisItemSyntax> Items(TableDeclarationSyntax table, Axis axis, string parent, IEnumerable<AxisItemSyntax> declared) =>
        ItemLists.TryGetValue((table, axis, parent), out var list) ? list : declared;

    /// <summary>The rules of a table, after the changes.</summary>
    public IEnumerable<RuleDeclarationSyntax> Rules(TableDeclarationSyntax table) =>
        RuleLists.TryGetValue(table, out var list) ? list : table.Members.OfType<RuleDeclarationSyntax>();

    /// <summary>The file a row, column or rule was declared in, when a change brought it into a table of another file.</summary>
    public SyntaxTree? TreeOf(SyntaxNode node) => Trees.TryGetValue(node, out var tree) ? tree : null;
}

/// <summary>An earlier format, bound, with its effective content (for formats that extend it).</summary>
internal sealed record BoundSpec(FormatSymbol Format, EffectiveSpec Effective);

internal sealed partial class Binder
{
    private BoundSpec? ResolveEarlier(FormatDeclarationSyntax syntax)
    {
        if (syntax.Relation is not { } relation || relation.Name.IsMissing || relation.Version.IsMissing)
        {
            return null;
        }

        var resolved = _resolve(relation.Name.Text, relation.Version.ValueText);
        if (resolved is null)
        {
            // Extending needs the base's content; revising only loses the lineage checks, so it is a warning.
            Report(relation.IsExtends
                ? DiagnosticCatalog.UnknownEarlierFormat(_source, relation.Span, relation.Name.Text, relation.Version.ValueText, relation.Keyword.Text)
                : DiagnosticCatalog.RevisedFormatNotFound(_source, relation.Span, relation.Name.Text, relation.Version.ValueText));
        }

        return resolved;
    }

    /// <summary>Works out the effective declarations: the file's own, on top of the base format's when it extends one.</summary>
    private EffectiveSpec Effective(CompilationUnitSyntax root, EffectiveSpec? inherited, bool extends)
    {
        var state = new ChangeState(inherited);
        foreach (var declaration in root.Declarations)
        {
            switch (declaration)
            {
                case SectionDeclarationSyntax section:
                    AddSection(state.Sections, section, inherited is not null);
                    break;
                case RemoveDeclarationSyntax remove when !ContainsSyntaxError(remove):
                    if (inherited is null)
                    {
                        // When the base format was not found, that was reported already (RD2100).
                        if (!extends)
                        {
                            Report(DiagnosticCatalog.RemoveWithoutExtends(_source, remove.RemoveKeyword.Span));
                        }

                        break;
                    }

                    ApplyRemove(state, remove);
                    break;
                case ChangeDeclarationSyntax change when !ContainsSyntaxError(change):
                    if (inherited is null)
                    {
                        if (!extends)
                        {
                            Report(DiagnosticCatalog.ChangeWithoutExtends(_source, change.OperationKeyword.Span, change.OperationKeyword.Text));
                        }

                        break;
                    }

                    ApplyChange(state, change);
                    break;
            }
        }

        return state.ToEffective();
    }

    private void AddSection(List<SectionEntry> sections, SectionDeclarationSyntax section, bool merge)
    {
        var own = section.Tables?.Select(t => new TableEntry(t, _tree)).ToImmutableArray() ?? [];
        var index = merge ? sections.FindIndex(s => s.Syntax.Name.Text == section.Name.Text) : -1;
        if (index < 0)
        {
            sections.Add(new SectionEntry(section, _tree, own));
            return;
        }

        // A section declared again replaces the inherited one's heading; its tables replace the inherited tables of
        // the same id in place, and new tables follow them. A prose section replaces the section outright.
        var tables = section.Tables is null ? [] : sections[index].Tables.ToList();
        foreach (var table in own)
        {
            var at = tables.FindIndex(t => t.Syntax.Name.Text == table.Syntax.Name.Text);
            if (at >= 0)
            {
                tables[at] = table;
            }
            else
            {
                tables.Add(table);
            }
        }

        sections[index] = new SectionEntry(section, _tree, [.. tables]);
    }

    private void ApplyRemove(ChangeState state, RemoveDeclarationSyntax remove)
    {
        var names = remove.Target.Names.Select(n => n.Text).ToList();
        var target = remove.Target.DisplayText;
        var kind = remove.KindKeyword.Kind;
        var sections = state.Sections;
        var found = false;
        switch (kind)
        {
            case SyntaxKind.SectionKeyword:
                found = names.Count == 1 && sections.RemoveAll(s => s.Syntax.Name.Text == names[0]) > 0;
                break;
            case SyntaxKind.TableKeyword:
                for (var i = 0; i < sections.Count && names.Count == 1; i++)
                {
                    var tables = sections[i].Tables.RemoveAll(t => t.Syntax.Name.Text == names[0]);
                    if (tables.Length != sections[i].Tables.Length)
                    {
                        sections[i] = sections[i] with { Tables = tables };
                        found = true;
                    }
                }

                break;
            case SyntaxKind.RowKeyword or SyntaxKind.ColumnKeyword when names.Count > 1 && state.Table(names[0]) is { } table:
                var axis = kind == SyntaxKind.RowKeyword ? Axis.Row : Axis.Column;
                var path = string.Join('.', names.Skip(1));
                if (Conflicts(state, (table, axis, path), remove))
                {
                    return;
                }

                if (state.Find(table, axis, [.. names.Skip(1)]) is var (parent, index, _))
                {
                    state.SetItems(table, axis, parent, state.ItemsOf(table, axis, parent).RemoveAt(index));
                    state.Gone.Add((table, axis, path));
                    Touch(state, (table, axis, path), remove);
                    found = true;
                }

                break;
            case SyntaxKind.RuleKeyword when names.Count == 1:
                if (Conflicts(state, (null, Axis.Row, names[0]), remove))
                {
                    return;
                }

                if (state.FindRule(names[0]) is var (ruleTable, ruleIndex))
                {
                    state.SetRules(ruleTable, state.RulesOf(ruleTable).RemoveAt(ruleIndex));
                    Touch(state, (null, Axis.Row, names[0]), remove);
                    found = true;
                }

                break;
        }

        if (!found)
        {
            Report(DiagnosticCatalog.RemoveTargetNotFound(_source, remove.Target.Span, remove.KindKeyword.Text, target));
        }
    }

    /// <summary>The working state of an extension while its file's declarations are applied in order.</summary>
    private sealed class ChangeState
    {
        private readonly ImmutableDictionary<(TableDeclarationSyntax, Axis, string), ImmutableArray<AxisItemSyntax>>.Builder _items;
        private readonly ImmutableDictionary<TableDeclarationSyntax, ImmutableArray<RuleDeclarationSyntax>>.Builder _rules;

        public ChangeState(EffectiveSpec? inherited)
        {
            Sections = inherited is null ? [] : [.. inherited.Sections];
            Gone = inherited?.GoneItems.ToBuilder() ?? ImmutableHashSet.CreateBuilder<(TableDeclarationSyntax, Axis, string)>();
            _items = inherited?.ItemLists.ToBuilder() ?? ImmutableDictionary.CreateBuilder<(TableDeclarationSyntax, Axis, string), ImmutableArray<AxisItemSyntax>>();
            _rules = inherited?.RuleLists.ToBuilder() ?? ImmutableDictionary.CreateBuilder<TableDeclarationSyntax, ImmutableArray<RuleDeclarationSyntax>>();
            Trees = inherited?.Trees.ToBuilder() ?? ImmutableDictionary.CreateBuilder<SyntaxNode, SyntaxTree>();
        }

        public List<SectionEntry> Sections { get; }

        public ImmutableHashSet<(TableDeclarationSyntax, Axis, string)>.Builder Gone { get; }

        public ImmutableDictionary<SyntaxNode, SyntaxTree>.Builder Trees { get; }

        /// <summary>What this file already removed or replaced (a rule under a null table), with the line that did it.</summary>
        public Dictionary<(TableDeclarationSyntax?, Axis, string), int> Touched { get; } = [];

        /// <summary>Items this file added after a sibling, so that later lines adding after the same sibling follow them.</summary>
        public HashSet<(AxisItemSyntax Item, string Anchor)> AddedAfter { get; } = [];

        public TableDeclarationSyntax? Table(string name) =>
            Sections.SelectMany(s => s.Tables).FirstOrDefault(t => t.Syntax.Name.Text == name)?.Syntax;

        public ImmutableArray<AxisItemSyntax> ItemsOf(TableDeclarationSyntax table, Axis axis, string parent)
        {
            if (_items.TryGetValue((table, axis, parent), out var list))
            {
                return list;
            }

            if (parent.Length == 0)
            {
                return table.Members.OfType<AxisMemberSyntax>().FirstOrDefault(a => a.IsRows == (axis == Axis.Row)) is { } declared ? [.. declared.Items] : [];
            }

            // A group keeps its declared children until a change rewrites them.
            var at = parent.LastIndexOf('.');
            var (grandparent, name) = at < 0 ? (string.Empty, parent) : (parent[..at], parent[(at + 1)..]);
            return ItemsOf(table, axis, grandparent).FirstOrDefault(i => i.Name.Text == name) is GroupItemSyntax group ? [.. group.Items] : [];
        }

        public void SetItems(TableDeclarationSyntax table, Axis axis, string parent, ImmutableArray<AxisItemSyntax> items) =>
            _items[(table, axis, parent)] = items;

        /// <summary>Finds an item by its path: the path of its parent ("" for the axis), its index there, and the item.</summary>
        public (string Parent, int Index, AxisItemSyntax Item)? Find(TableDeclarationSyntax table, Axis axis, IReadOnlyList<string> path)
        {
            var parent = string.Empty;
            for (var i = 0; i < path.Count; i++)
            {
                var items = ItemsOf(table, axis, parent);
                var index = IndexOf(items, item => item.Name.Text == path[i]);
                if (index < 0 || (i < path.Count - 1 && items[index] is not GroupItemSyntax))
                {
                    return null;
                }

                if (i == path.Count - 1)
                {
                    return (parent, index, items[index]);
                }

                parent = parent.Length == 0 ? path[i] : parent + "." + path[i];
            }

            return null;
        }

        /// <summary>Drops the rewritten lists of the groups under a path, now that the item at the path was replaced.</summary>
        public void ForgetBelow(TableDeclarationSyntax table, Axis axis, string path)
        {
            foreach (var key in _items.Keys.Where(k => k.Item1 == table && k.Item2 == axis && (k.Item3 == path || k.Item3.StartsWith(path + ".", StringComparison.Ordinal))).ToList())
            {
                _items.Remove(key);
            }
        }

        public ImmutableArray<RuleDeclarationSyntax> RulesOf(TableDeclarationSyntax table) =>
            _rules.TryGetValue(table, out var list) ? list : [.. table.Members.OfType<RuleDeclarationSyntax>()];

        public void SetRules(TableDeclarationSyntax table, ImmutableArray<RuleDeclarationSyntax> rules) => _rules[table] = rules;

        public (TableDeclarationSyntax Table, int Index)? FindRule(string code)
        {
            foreach (var table in Sections.SelectMany(s => s.Tables).Select(t => t.Syntax))
            {
                var rules = RulesOf(table);
                var index = IndexOf(rules, r => r.Code.Text == code);
                if (index >= 0)
                {
                    return (table, index);
                }
            }

            return null;
        }

        public static int IndexOf<T>(ImmutableArray<T> items, Func<T, bool> match)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (match(items[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        public EffectiveSpec ToEffective() =>
            new([.. Sections], Gone.ToImmutable(), _items.ToImmutable(), _rules.ToImmutable(), Trees.ToImmutable());
    }
}
