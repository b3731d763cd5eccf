using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Binding;
using ReportDsl.Semantics;
using ReportDsl.Text;

namespace ReportDsl.Evolution;

/// <summary>
/// The semantic difference between two versions of a format: sections, tables, rows, columns, types and rules added,
/// removed, renamed, relabelled, moved, retyped, split or merged. Elements are matched by the lineage the newer spec
/// declares first, by identifier second, by official label third. Each change is classified as breaking or compatible.
/// </summary>
public sealed class SpecDiff
{
    private readonly List<SpecChange> _changes = [];
    private readonly FormatSymbol _old;
    private readonly FormatSymbol _new;
    private readonly ItemMatcher _matcher;
    private CellMapping? _mapping;
    private Dictionary<string, string>? _renamedIds;

    private SpecDiff(FormatSymbol old, FormatSymbol @new)
    {
        _old = old;
        _new = @new;
        _matcher = new ItemMatcher(old, @new);
    }

    /// <summary>Gets the cell mapping between the two formats, built once: every table's types and rules read it.</summary>
    private CellMapping Mapping => _mapping ??= CellMapping.Create(_old, _new);

    /// <summary>Gets the older format.</summary>
    public FormatSymbol Old => _old;

    /// <summary>Gets the newer format.</summary>
    public FormatSymbol New => _new;

    /// <summary>Gets the changes, section by section and table by table, in the newer spec's order, removals after.</summary>
    public ImmutableArray<SpecChange> Changes { get; private set; } = [];

    /// <summary>Gets whether any change is breaking.</summary>
    public bool HasBreakingChanges => Changes.Any(c => c.Impact == ChangeImpact.Breaking);

    /// <summary>Compares two formats.</summary>
    public static SpecDiff Compare(FormatSymbol old, FormatSymbol @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var diff = new SpecDiff(old, @new);
        diff.Run();
        diff.Changes = [.. diff._changes];
        return diff;
    }

    private void Run()
    {
        if (_old.Title != _new.Title)
        {
            Add(ChangeKind.Relabelled, ElementKind.Format, ChangeImpact.Compatible, null, null, _old.Name, _new.Name, _old.Title, _new.Title, null, null, _old, _new);
        }

        if (_old.FirstYear != _new.FirstYear || _old.LastYear != _new.LastYear)
        {
            Add(ChangeKind.Retyped, ElementKind.Format, ChangeImpact.Compatible, null, null, _old.Name, _new.Name, null, null, Years(_old), Years(_new), _old, _new);
        }

        var matchedSections = new HashSet<SectionSymbol>();
        var moved = MovedSections();
        foreach (var section in _new.Sections)
        {
            var old = MatchSection(section);
            if (old is null)
            {
                Add(ChangeKind.Added, ElementKind.Section, section.IsRequired ? ChangeImpact.Breaking : ChangeImpact.Compatible, null, null, null, section.Name, null, section.Label, null, Requirement(section), null, section);
            }
            else
            {
                matchedSections.Add(old);
                CompareSection(old, section);
                if (moved.Contains(section))
                {
                    var from = (_old.Sections.IndexOf(old) + 1).ToString(CultureInfo.InvariantCulture);
                    var to = (_new.Sections.IndexOf(section) + 1).ToString(CultureInfo.InvariantCulture);
                    Add(ChangeKind.Moved, ElementKind.Section, ChangeImpact.Compatible, null, null, old.Name, section.Name, old.Label, section.Label, from, to, old, section);
                }

                CompareEnding(ElementKind.Section, null, null, old.Name, section.Name, old.Label, section.Label, old.Lineage, section.Lineage, old, section);
            }
        }

        var matchedTables = new HashSet<TableSymbol>();
        foreach (var table in _new.Tables)
        {
            var old = _matcher.MatchTable(table);
            if (old is null)
            {
                Add(ChangeKind.Added, ElementKind.Table, table.Section is { IsRequired: false } ? ChangeImpact.Compatible : ChangeImpact.Breaking, table.Name, table.Label, null, table.Name, null, table.Label, null, null, null, table);
                continue;
            }

            matchedTables.Add(old);
            CompareTable(old, table);
        }

        foreach (var table in _old.Tables.Where(t => !matchedTables.Contains(t)))
        {
            Add(ChangeKind.Removed, ElementKind.Table, ChangeImpact.Breaking, table.Name, table.Label, table.Name, null, table.Label, null, Ended(table.Lineage), null, table, null);
        }

        foreach (var section in _old.Sections.Where(s => !matchedSections.Contains(s)))
        {
            Add(ChangeKind.Removed, ElementKind.Section, ChangeImpact.Breaking, null, null, section.Name, null, section.Label, null, Ended(section.Lineage), null, section, null);
        }
    }

    /// <summary>
    /// The sections whose place among the others changed: those the newer spec declares moved, then, of the rest, those
    /// outside the longest run kept in the same relative order (so a section inserted before others moves nothing).
    /// </summary>
    private HashSet<SectionSymbol> MovedSections()
    {
        var declared = _new.Sections.Where(s => s.Lineage.Any(l => l.Kind == LineageKind.Moved) && CellMapping.SameFormat(_new.Earlier, _old)).ToHashSet();
        var kept = _new.Sections.Where(s => !declared.Contains(s)).Select(s => (Section: s, Old: MatchSection(s) is { } old ? _old.Sections.IndexOf(old) : -1)).Where(p => p.Old >= 0).ToList();

        // Longest increasing run of earlier places, quadratic: formats have a handful of sections.
        var length = new int[kept.Count];
        var previous = new int[kept.Count];
        var best = -1;
        for (var i = 0; i < kept.Count; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (kept[j].Old < kept[i].Old && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }

            if (best < 0 || length[i] > length[best])
            {
                best = i;
            }
        }

        var inOrder = new HashSet<int>();
        for (var i = best; i >= 0; i = previous[i])
        {
            inOrder.Add(i);
        }

        declared.UnionWith(kept.Where((_, i) => !inOrder.Contains(i)).Select(p => p.Section));
        return declared;
    }

    /// <summary>
    /// Reports a change of the announced end (<c>until</c>) of an element present in both versions: announcing that an
    /// element will go, withdrawing or moving the announcement. Nothing changes for data yet, so it is compatible.
    /// </summary>
    private void CompareEnding(ElementKind element, string? table, string? tableLabel, string oldId, string newId, string? oldLabel, string? newLabel,
        IEnumerable<LineageClause> oldLineage, IEnumerable<LineageClause> newLineage, Symbol old, Symbol @new)
    {
        var before = oldLineage.FirstOrDefault(l => l.Kind == LineageKind.Until)?.Version;
        var after = newLineage.FirstOrDefault(l => l.Kind == LineageKind.Until)?.Version;
        if (before != after)
        {
            Add(ChangeKind.Ending, element, ChangeImpact.Compatible, table, tableLabel, oldId, newId, oldLabel, newLabel,
                before is null ? null : "until " + before, after is null ? null : "until " + after, old, @new);
        }
    }

    /// <summary>
    /// For an element that is gone: "until V" when the older spec announced its end and the newer version comes after V,
    /// "until V, early" when it goes before the version it was announced to last to; null when no end was announced.
    /// </summary>
    private string? Ended(IEnumerable<LineageClause> lineage) =>
        lineage.FirstOrDefault(l => l.Kind == LineageKind.Until)?.Version is { } until
            ? Binder.CompareVersions(_new.Version, until) > 0 ? "until " + until : "until " + until + ", early"
            : null;
    private SectionSymbol? MatchSection(SectionSymbol section)
    {
        var renamed = section.Lineage.FirstOrDefault(l => l.Kind == LineageKind.Renamed);
        if (renamed is not null && CellMapping.SameFormat(_new.Earlier, _old))
        {
            return _old.Sections.FirstOrDefault(s => renamed.Label is { } label ? s.Label == label : s.Name == renamed.Paths[0]);
        }

        return _old.Sections.FirstOrDefault(s => s.Name == section.Name)
            ?? _old.Sections.FirstOrDefault(s => s.Label == section.Label || s.Aliases.Contains(section.Label) || section.Aliases.Contains(s.Label));
    }

    private void CompareSection(SectionSymbol old, SectionSymbol section)
    {
        if (old.Name != section.Name)
        {
            Add(ChangeKind.Renamed, ElementKind.Section, ChangeImpact.Compatible, null, null, old.Name, section.Name, old.Label, section.Label, null, null, old, section);
        }

        if (old.Label != section.Label)
        {
            Add(ChangeKind.Relabelled, ElementKind.Section, ChangeImpact.Compatible, null, null, old.Name, section.Name, old.Label, section.Label, null, null, old, section);
        }

        CompareAliases(ElementKind.Section, null, null, old.Name, section.Name, section.Label, old.Aliases, section.Aliases, old, section);
        if (old.IsRequired != section.IsRequired || old.IsProse != section.IsProse)
        {
            var impact = old.IsProse != section.IsProse || section.IsRequired ? ChangeImpact.Breaking : ChangeImpact.Compatible;
            Add(ChangeKind.Retyped, ElementKind.Section, impact, null, null, old.Name, section.Name, old.Label, section.Label, Requirement(old), Requirement(section), old, section);
        }

        CompareFacts(old, section);
    }

    /// <summary>
    /// The facts a section's text states: a new required fact, a removed fact, a narrower type or a fact that becomes
    /// required are breaking; a new optional fact, a reworded label, a wider type or another reading pattern are not.
    /// </summary>
    private void CompareFacts(SectionSymbol oldSection, SectionSymbol section)
    {
        var consumed = new HashSet<FactSymbol>();
        foreach (var fact in section.Facts)
        {
            var old = oldSection.Facts.FirstOrDefault(f => f.Name == fact.Name)
                ?? oldSection.Facts.FirstOrDefault(f => f.Label == fact.Label || f.Aliases.Contains(fact.Label) || fact.Aliases.Contains(f.Label));
            if (old is null)
            {
                Add(ChangeKind.Added, ElementKind.Fact, fact.IsRequired ? ChangeImpact.Breaking : ChangeImpact.Compatible, section.Name, section.Label, null, fact.Name, null, fact.Label, null, FactDetail(fact), null, fact);
                continue;
            }

            consumed.Add(old);
            if (old.Name != fact.Name)
            {
                Add(ChangeKind.Renamed, ElementKind.Fact, ChangeImpact.Breaking, section.Name, section.Label, old.Name, fact.Name, old.Label, fact.Label, null, null, old, fact);
            }

            if (old.Label != fact.Label)
            {
                Add(ChangeKind.Relabelled, ElementKind.Fact, ChangeImpact.Compatible, section.Name, section.Label, old.Name, fact.Name, old.Label, fact.Label, null, null, old, fact);
            }

            CompareAliases(ElementKind.Fact, section.Name, section.Label, old.Name, fact.Name, fact.Label, old.Aliases, fact.Aliases, old, fact);
            if (old.Type != fact.Type || old.IsRequired != fact.IsRequired || old.Pattern != fact.Pattern)
            {
                var impact = (fact.IsRequired && !old.IsRequired) || !TypeFacts.IsWidening(old.Type, fact.Type) ? ChangeImpact.Breaking : ChangeImpact.Compatible;
                Add(ChangeKind.Retyped, ElementKind.Fact, impact, section.Name, section.Label, old.Name, fact.Name, old.Label, fact.Label, FactDetail(old), FactDetail(fact), old, fact);
            }
        }

        foreach (var old in oldSection.Facts.Where(f => !consumed.Contains(f)))
        {
            Add(ChangeKind.Removed, ElementKind.Fact, ChangeImpact.Breaking, section.Name, section.Label, old.Name, null, old.Label, null, FactDetail(old), null, old, null);
        }
    }

    private static string FactDetail(FactSymbol fact) => (fact.IsRequired ? "required " : "optional ") + fact.Type + " pattern \"" + fact.Pattern + "\"";

    private void CompareTable(TableSymbol old, TableSymbol table)
    {
        if (old.Name != table.Name)
        {
            Add(ChangeKind.Renamed, ElementKind.Table, ChangeImpact.Breaking, table.Name, table.Label, old.Name, table.Name, old.Label, table.Label, null, null, old, table);
        }

        if (old.Label != table.Label)
        {
            Add(ChangeKind.Relabelled, ElementKind.Table, ChangeImpact.Compatible, table.Name, table.Label, old.Name, table.Name, old.Label, table.Label, null, null, old, table);
        }

        if (old.Section is { } from && table.Section is { } to && MatchSection(to) != from)
        {
            Add(ChangeKind.Moved, ElementKind.Table, ChangeImpact.Compatible, table.Name, table.Label, old.Name, table.Name, old.Label, table.Label, from.Label, to.Label, old, table);
        }

        CompareEnding(ElementKind.Table, table.Name, table.Label, old.Name, table.Name, old.Label, table.Label, old.Lineage, table.Lineage, old, table);
        if (old.Presence != table.Presence)
        {
            Add(ChangeKind.Retyped, ElementKind.Table, PresenceImpact(old.Presence, table.Presence), table.Name, table.Label, old.Name, table.Name, old.Label, table.Label,
                Word(old.Presence), Word(table.Presence), old, table);
        }

        CompareAliases(ElementKind.Table, table.Name, table.Label, old.Name, table.Name, table.Label, old.Aliases, table.Aliases, old, table);
        CompareText(table, old, "stub", old.Stub, table.Stub);
        CompareText(table, old, "rows banner", old.RowsCaption, table.RowsCaption);
        CompareText(table, old, "columns banner", old.ColumnsCaption, table.ColumnsCaption);
        CompareItems(old, table, Axis.Row);
        CompareItems(old, table, Axis.Column);
        CompareCells(old, table);
        CompareTypes(old, table);
        CompareRules(old, table);
    }

    private void CompareItems(TableSymbol oldTable, TableSymbol table, Axis axis)
    {
        var element = axis == Axis.Row ? ElementKind.Row : ElementKind.Column;
        var consumed = new HashSet<AxisItemSymbol>();
        var reportedSplits = new HashSet<AxisItemSymbol>();
        foreach (var item in table.ItemsOf(axis).SelectMany(Binder.Descendants))
        {
            var identity = CellMapping.SameFormat(_new.Earlier, _old) ? item.Lineage.FirstOrDefault(l => l.IsIdentity) : null;
            var (kind, sources) = _matcher.MatchItem(oldTable, item);
            switch (identity?.Kind)
            {
                case LineageKind.Split when sources.Length == 1:
                    consumed.Add(sources[0]);
                    if (reportedSplits.Add(sources[0]))
                    {
                        var parts = table.ItemsOf(axis).SelectMany(Binder.Descendants)
                            .Where(i => i.Lineage.Any(l => l.Kind == LineageKind.Split && l.Paths[0] == identity.Paths[0])).ToList();
                        Add(ChangeKind.Split, element, ChangeImpact.Breaking, table.Name, table.Label, sources[0].Path, string.Join(", ", parts.Select(p => p.Path)),
                            Labels(sources[0]), string.Join("；", parts.Select(p => p.Label)), null, null, sources[0], item);
                    }

                    continue;
                case LineageKind.Merged:
                    consumed.UnionWith(sources);
                    Add(ChangeKind.Merged, element, ChangeImpact.Breaking, table.Name, table.Label, string.Join(", ", sources.Select(s => s.Path)), item.Path,
                        string.Join("；", sources.Select(Labels)), Labels(item), null, null, sources.FirstOrDefault(), item);
                    continue;
            }

            if (kind == CarryKind.New || sources.Length != 1)
            {
                // A group that only gathers the parts of a split is reported with the split.
                if (!(item.IsGroup && item.Children.All(c => c.Lineage.Any(l => l.Kind == LineageKind.Split))))
                {
                    Add(ChangeKind.Added, element, ChangeImpact.Breaking, table.Name, table.Label, null, item.Path, null, Labels(item), null, null, null, item);
                }

                consumed.UnionWith(sources);
                continue;
            }

            var old = sources[0];
            consumed.Add(old);
            if (old.Path != item.Path)
            {
                Add(ChangeKind.Renamed, element, ChangeImpact.Breaking, table.Name, table.Label, old.Path, item.Path, Labels(old), Labels(item), null, null, old, item);
            }

            if (old.Label != item.Label)
            {
                Add(ChangeKind.Relabelled, element, ChangeImpact.Compatible, table.Name, table.Label, old.Path, item.Path, Labels(old), Labels(item), null, null, old, item);
            }

            // A leaf that became the group of its own split parts is reported as the split.
            var becameSplitGroup = item.IsGroup && item.Children.Any(c => c.Lineage.Any(l => l.Kind == LineageKind.Split && l.Paths[0] == old.Path));
            if (Shape(old) != Shape(item) && !becameSplitGroup)
            {
                Add(ChangeKind.Retyped, element, ShapeImpact(old, item), table.Name, table.Label, old.Path, item.Path, Labels(old), Labels(item), Shape(old), Shape(item), old, item);
            }

            CompareAliases(element, table.Name, table.Label, old.Path, item.Path, Labels(item), old.Aliases, item.Aliases, old, item);
            if (old.IsUnlabeled != item.IsUnlabeled)
            {
                // Only how a document prints the item changes, not its cells.
                Add(ChangeKind.Changed, element, ChangeImpact.Compatible, table.Name, table.Label, old.Path, item.Path, Labels(old), Labels(item),
                    old.IsUnlabeled ? "unlabeled" : "labelled", item.IsUnlabeled ? "unlabeled" : "labelled", old, item);
            }

            if (old.Presence != item.Presence)
            {
                Add(ChangeKind.Retyped, element, PresenceImpact(old.Presence, item.Presence), table.Name, table.Label, old.Path, item.Path, Labels(old), Labels(item), Word(old.Presence), Word(item.Presence), old, item);
            }

            CompareEnding(element, table.Name, table.Label, old.Path, item.Path, Labels(old), Labels(item), old.Lineage, item.Lineage, old, item);
        }

        foreach (var old in oldTable.ItemsOf(axis).SelectMany(Binder.Descendants).Where(i => !consumed.Contains(i) && !(i.Parent is { } p && !consumed.Contains(p) && IsWhollyGone(p, consumed))))
        {
            Add(ChangeKind.Removed, element, ChangeImpact.Breaking, table.Name, table.Label, old.Path, null, Labels(old), null, Ended(old.Lineage), null, old, null);
        }
    }

    /// <summary>
    /// The alternative wordings documents are read by. A new alias only lets more documents be read; a dropped one means
    /// a document printed in that wording, read before, is no longer read, so it is breaking.
    /// </summary>
    private void CompareAliases(ElementKind element, string? table, string? tableLabel, string oldId, string newId, string label,
        ImmutableArray<string> oldAliases, ImmutableArray<string> newAliases, Symbol old, Symbol @new)
    {
        if (oldAliases.SequenceEqual(newAliases))
        {
            return;
        }

        var impact = oldAliases.All(newAliases.Contains) ? ChangeImpact.Compatible : ChangeImpact.Breaking;
        Add(ChangeKind.Changed, element, impact, table, tableLabel, oldId, newId, label, label, AliasDetail(oldAliases), AliasDetail(newAliases), old, @new);
    }

    private static string AliasDetail(ImmutableArray<string> aliases) =>
        aliases.IsEmpty ? "no alias" : "alias " + string.Join(", ", aliases.Select(a => "\"" + a + "\""));

    /// <summary>Printed text of a table that holds no data (the stub's heading, a banner over rows or columns): compatible.</summary>
    private void CompareText(TableSymbol table, TableSymbol old, string what, string? before, string? after)
    {
        if (before != after)
        {
            Add(ChangeKind.Changed, ElementKind.Table, ChangeImpact.Compatible, table.Name, table.Label, old.Name, table.Name, table.Label, table.Label,
                before is null ? "no " + what : what + " \"" + before + "\"", after is null ? "no " + what : what + " \"" + after + "\"", old, table);
        }
    }

    /// <summary>
    /// Cells at a row and a column that both stay: one that becomes <c>absent</c> is a cell that disappears, one that
    /// stops being absent is a new cell producers must fill; both are breaking.
    /// </summary>
    private void CompareCells(TableSymbol oldTable, TableSymbol table)
    {
        var rows = Leaves(oldTable, table, Axis.Row);
        var columns = Leaves(oldTable, table, Axis.Column);
        foreach (var (oldRow, row) in rows)
        {
            foreach (var (oldColumn, column) in columns)
            {
                var before = oldTable.GetCell(oldRow, oldColumn);
                var after = table.GetCell(row, column);
                if ((before is null) == (after is null))
                {
                    continue;
                }

                var id = $"{row.Path}[{column.Path}]";
                var label = Labels(row) + " × " + Labels(column);
                if (after is null)
                {
                    Add(ChangeKind.Removed, ElementKind.Cell, ChangeImpact.Breaking, table.Name, table.Label, id, null, label, null, null, "absent", oldRow, row);
                }
                else
                {
                    Add(ChangeKind.Added, ElementKind.Cell, ChangeImpact.Breaking, table.Name, table.Label, null, id, null, label, "absent", "present", oldRow, row);
                }
            }
        }
    }

    /// <summary>The value leaves of the newer table on an axis that are the same item as one leaf of the older table.</summary>
    private List<(AxisItemSymbol Old, AxisItemSymbol New)> Leaves(TableSymbol oldTable, TableSymbol table, Axis axis) =>
        [.. table.ItemsOf(axis).SelectMany(Binder.Descendants).Where(i => !i.IsGroup)
            .Select(i => (Match: _matcher.MatchItem(oldTable, i), Item: i))
            .Where(p => p.Match.Kind == CarryKind.Same && p.Match.Items.Length == 1 && !p.Match.Items[0].IsGroup)
            .Select(p => (p.Match.Items[0], p.Item))];

    // A removed group is reported once, not once more for each of its members.
    private static bool IsWhollyGone(AxisItemSymbol group, HashSet<AxisItemSymbol> consumed) =>
        Binder.Descendants(group).All(i => !consumed.Contains(i));

    private void CompareTypes(TableSymbol oldTable, TableSymbol table)
    {
        // A type is reported on the item that declares it: the row when the row does (a row's type wins), else the column.
        static AxisItemSymbol Declaring(CellSymbol cell) => cell.Row.DeclaredType is not null ? cell.Row : cell.Column;
        var retyped = Mapping.Carries
            .Where(c => c.Kind == CarryKind.Same && ReferenceEquals(c.Target.Table, table) && ReferenceEquals(c.Sources[0].Table, oldTable) && c.Sources[0].Type != c.Target.Type)
            .GroupBy(c => (Item: Declaring(c.Target), Old: c.Sources[0].Type, New: c.Target.Type));
        foreach (var group in retyped)
        {
            var item = group.Key.Item;
            var source = group.First().Sources[0];
            var old = item.Axis == Axis.Row ? source.Row : source.Column;
            var impact = TypeFacts.IsWidening(group.Key.Old, group.Key.New) ? ChangeImpact.Compatible : ChangeImpact.Breaking;
            Add(ChangeKind.Retyped, item.Axis == Axis.Row ? ElementKind.Row : ElementKind.Column, impact, table.Name, table.Label, old.Path, item.Path, Labels(old), Labels(item),
                group.Key.Old.ToString(), group.Key.New.ToString(), old, item);
        }
    }

    private void CompareRules(TableSymbol oldTable, TableSymbol table)
    {
        var renamedIds = _renamedIds ??= Mapping.Carries
            .Where(c => c.Kind == CarryKind.Same)
            .ToDictionary(c => c.Sources[0].Id, c => c.Target.Id, StringComparer.Ordinal);
        foreach (var rule in table.Rules.Where(r => !r.IsImplied))
        {
            var old = oldTable.Rules.FirstOrDefault(r => r.Code == rule.Code) ?? _old.Rules.FirstOrDefault(r => r.Code == rule.Code);
            if (old is null)
            {
                Add(ChangeKind.Added, ElementKind.Rule, ChangeImpact.Breaking, table.Name, table.Label, null, rule.Code, null, rule.Message, null, Severity(rule), null, rule);
                continue;
            }

            if (old.Severity != rule.Severity)
            {
                var impact = rule.Severity == RuleSeverity.Error ? ChangeImpact.Breaking : ChangeImpact.Compatible;
                Add(ChangeKind.Changed, ElementKind.Rule, impact, table.Name, table.Label, old.Code, rule.Code, old.Message, rule.Message, Severity(old), Severity(rule), old, rule);
            }

            var before = Shape(old, renamedIds);
            var after = Shape(rule, null);
            if (!before.SequenceEqual(after) || old.Tolerance != rule.Tolerance)
            {
                // A stricter or incomparable rule may refuse reports the old one accepted; a looser or equivalent one never does.
                var strictness = RuleComparer.Classify(old, rule, renamedIds);
                var impact = strictness is RuleStrictness.Stricter or RuleStrictness.Incomparable ? ChangeImpact.Breaking : ChangeImpact.Compatible;
                _changes.Add(Change(ChangeKind.Changed, ElementKind.Rule, impact, table.Name, table.Label, old.Code, rule.Code, old.Message, rule.Message,
                    Describe(old, before.Count, sameCells: true), Describe(rule, after.Count, Cells(rule, null).IsSubsetOf(Cells(old, renamedIds))), old, rule) with { Strictness = strictness });
            }
            else if (old.Message != rule.Message)
            {
                Add(ChangeKind.Relabelled, ElementKind.Rule, ChangeImpact.Compatible, table.Name, table.Label, old.Code, rule.Code, old.Message, rule.Message, null, null, old, rule);
            }
        }

        foreach (var old in oldTable.Rules.Where(r => !r.IsImplied && _new.Rules.All(n => n.Code != r.Code)))
        {
            Add(ChangeKind.Removed, ElementKind.Rule, ChangeImpact.Compatible, table.Name, table.Label, old.Code, null, old.Message, null, Severity(old), null, old, null);
        }
    }

    /// <summary>
    /// A rule's concrete comparisons (with their conditions and non-linear sides), with old cell ids written as the new
    /// ids they became, so that only real changes differ.
    /// </summary>
    private static List<string> Shape(RuleSymbol rule, Dictionary<string, string>? renamedIds)
    {
        string Cell(LinearTerm t) => (t.IsPrevious ? "p:" : ":") + (renamedIds?.GetValueOrDefault(t.Cell.Id) ?? t.Cell.Id);
        string Side(LinearCombination side) => string.Join(" ", side.Terms
            .Select(t => (t.Coefficient > 0 ? "+" : "-") + Math.Abs(t.Coefficient) + Cell(t))
            .Order(StringComparer.Ordinal)) + " " + side.Constant;
        string Instance(RuleInstance i) => i.IsGeneral
            ? i.LeftValue.ToString(Cell) + " " + rule.Operator + " " + i.RightValue.ToString(Cell) + (i.Condition is { } when ? " when " + when.ToString(Cell) : string.Empty)
            : Side(i.Left) + " " + rule.Operator + " " + Side(i.Right);
        return [.. rule.Expand().Select(Instance).Order(StringComparer.Ordinal)];
    }

    /// <summary>The cells a rule reads, old ids written as the new ids they became.</summary>
    private static HashSet<string> Cells(RuleSymbol rule, Dictionary<string, string>? renamedIds) =>
        rule.Expand()
            .SelectMany(i => i.LeftValue.Terms().Concat(i.RightValue.Terms()).Concat(i.ConditionCells()))
            .Select(t => (t.IsPrevious ? "p:" : ":") + (renamedIds?.GetValueOrDefault(t.Cell.Id) ?? t.Cell.Id))
            .ToHashSet(StringComparer.Ordinal);

    private static string Describe(RuleSymbol rule, int instances, bool sameCells) =>
        $"{Severity(rule)}{(rule.Tolerance is { } t ? " tolerance " + t : string.Empty)}, {instances} comparison(s){(sameCells ? string.Empty : " of other cells")}";

    private static string Severity(RuleSymbol rule) => rule.Severity == RuleSeverity.Error ? "error" : "warning";

    private static string Shape(AxisItemSymbol item) => item switch
    {
        { IsGroup: true, Relation: GroupRelation.Exhaustive } => "exhaustive group",
        { IsGroup: true, Relation: GroupRelation.Nonexhaustive } => "nonexhaustive group",
        { IsGroup: true } => "group",
        { IsHeader: true } => "header",
        { IsSubtotal: true } => "subtotal",
        _ => "value",
    };

    /// <summary>
    /// A change of an item's shape: cells that appear or go, or a new implied sum, are breaking; an implied sum that
    /// becomes looser (exhaustive to nonexhaustive) or goes (a subtotal becomes a plain value) is not.
    /// </summary>
    private static ChangeImpact ShapeImpact(AxisItemSymbol old, AxisItemSymbol item) => (Shape(old), Shape(item)) switch
    {
        ("exhaustive group", "nonexhaustive group") or ("subtotal", "value") => ChangeImpact.Compatible,
        _ => ChangeImpact.Breaking,
    };

    /// <summary>Optional, then unstated (a blank cell is a warning), then required: a move up may refuse data that passed.</summary>
    private static ChangeImpact PresenceImpact(Presence old, Presence @new) =>
        Rank(@new) > Rank(old) ? ChangeImpact.Breaking : ChangeImpact.Compatible;

    private static int Rank(Presence presence) => presence switch
    {
        Presence.Optional => 0,
        Presence.Unspecified => 1,
        _ => 2,
    };

    private static string Word(Presence presence) => presence switch
    {
        Presence.Optional => "optional",
        Presence.Required => "required",
        _ => "presence unstated",
    };

    private static string Requirement(SectionSymbol section) => (section.IsRequired ? "required" : "optional") + (section.IsProse ? " prose" : " tables");

    private static string Years(FormatSymbol format) => $"{format.FirstYear}..{format.LastYear}";

    private static string Labels(AxisItemSymbol item) => string.Join("/", item.LabelPath);

    private void Add(
        ChangeKind kind, ElementKind element, ChangeImpact impact, string? table, string? tableLabel, string? oldId, string? newId,
        string? oldLabel, string? newLabel, string? oldDetail, string? newDetail, Symbol? oldSymbol, Symbol? newSymbol) =>
        _changes.Add(Change(kind, element, impact, table, tableLabel, oldId, newId, oldLabel, newLabel, oldDetail, newDetail, oldSymbol, newSymbol));

    private static SpecChange Change(
        ChangeKind kind, ElementKind element, ChangeImpact impact, string? table, string? tableLabel, string? oldId, string? newId,
        string? oldLabel, string? newLabel, string? oldDetail, string? newDetail, Symbol? oldSymbol, Symbol? newSymbol) =>
        new(kind, element, impact, table, tableLabel, oldId, newId, oldLabel, newLabel, oldDetail, newDetail, Locate(oldSymbol), Locate(newSymbol));

    private static SpecLocation? Locate(Symbol? symbol)
    {
        if (symbol is null)
        {
            return null;
        }

        LinePosition position = symbol.Source.GetLinePosition(symbol.NameSpan.Start);
        return new SpecLocation(symbol.Source.Path, position.Line, position.Column);
    }
}
