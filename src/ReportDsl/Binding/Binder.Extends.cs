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
/// replaced, added to and removed from by the extending file. Rows, columns and rules removed from an inherited table
/// are kept as a list, so that the base file's syntax is bound as it is, minus them.
/// </summary>
internal sealed record EffectiveSpec(
    ImmutableArray<SectionEntry> Sections,
    ImmutableHashSet<(TableDeclarationSyntax Table, Axis Axis, string Path)> RemovedItems,
    ImmutableHashSet<(TableDeclarationSyntax Table, string Code)> RemovedRules)
{
    public bool IsRemoved(TableDeclarationSyntax table, Axis axis, string path) =>
        !RemovedItems.IsEmpty && RemovedItems.Contains((table, axis, path));

    public bool IsRemoved(TableDeclarationSyntax table, RuleDeclarationSyntax rule) =>
        !RemovedRules.IsEmpty && RemovedRules.Contains((table, rule.Code.Text));
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
        var sections = inherited is null ? [] : inherited.Sections.ToList();
        var removedItems = inherited?.RemovedItems.ToBuilder() ?? ImmutableHashSet.CreateBuilder<(TableDeclarationSyntax, Axis, string)>();
        var removedRules = inherited?.RemovedRules.ToBuilder() ?? ImmutableHashSet.CreateBuilder<(TableDeclarationSyntax, string)>();
        foreach (var declaration in root.Declarations)
        {
            switch (declaration)
            {
                case SectionDeclarationSyntax section:
                    AddSection(sections, section, inherited is not null);
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

                    ApplyRemove(sections, remove, removedItems, removedRules);
                    break;
            }
        }

        return new EffectiveSpec([.. sections], removedItems.ToImmutable(), removedRules.ToImmutable());
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

    private void ApplyRemove(
        List<SectionEntry> sections,
        RemoveDeclarationSyntax remove,
        ImmutableHashSet<(TableDeclarationSyntax, Axis, string)>.Builder removedItems,
        ImmutableHashSet<(TableDeclarationSyntax, string)>.Builder removedRules)
    {
        var names = remove.Target.Names.Select(n => n.Text).ToList();
        var target = remove.Target.DisplayText;
        var kind = remove.KindKeyword.Kind;
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
            case SyntaxKind.RowKeyword or SyntaxKind.ColumnKeyword when names.Count > 1:
                var axis = kind == SyntaxKind.RowKeyword ? Axis.Row : Axis.Column;
                var table = sections.SelectMany(s => s.Tables).FirstOrDefault(t => t.Syntax.Name.Text == names[0]);
                if (table is not null && FindItemSyntax(table.Syntax, axis, names.Skip(1)) is not null)
                {
                    removedItems.Add((table.Syntax, axis, string.Join('.', names.Skip(1))));
                    found = true;
                }

                break;
            case SyntaxKind.RuleKeyword when names.Count == 1:
                foreach (var entry in sections.SelectMany(s => s.Tables))
                {
                    if (entry.Syntax.Members.OfType<RuleDeclarationSyntax>().Any(r => r.Code.Text == names[0]))
                    {
                        removedRules.Add((entry.Syntax, names[0]));
                        found = true;
                    }
                }

                break;
        }

        if (!found)
        {
            Report(DiagnosticCatalog.RemoveTargetNotFound(_source, remove.Target.Span, remove.KindKeyword.Text, target));
        }
    }

    private static AxisItemSyntax? FindItemSyntax(TableDeclarationSyntax table, Axis axis, IEnumerable<string> path)
    {
        var items = table.Members.OfType<AxisMemberSyntax>().FirstOrDefault(a => a.IsRows == (axis == Axis.Row))?.Items.ToList();
        AxisItemSyntax? current = null;
        foreach (var name in path)
        {
            current = items?.FirstOrDefault(i => i.Name.Text == name);
            if (current is null)
            {
                return null;
            }

            items = current is GroupItemSyntax group ? [.. group.Items] : [];
        }

        return current;
    }
}
