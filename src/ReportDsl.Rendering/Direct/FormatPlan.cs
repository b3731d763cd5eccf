using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ReportDsl.Rendering.Model;

namespace ReportDsl.Rendering.Direct;

/// <summary>
/// A format as one bundled output kind prints it, made once per compiled format and kind: each section's heading and
/// each table's <see cref="TablePlan"/>, and how many loop iterations the templates spend on the format's own structure.
/// </summary>
internal sealed class FormatPlan
{
    private static readonly ConditionalWeakTable<FormatSkeleton, FormatPlan[]> Plans = [];

    private FormatPlan(ImmutableArray<SectionPlan> sections, long structureIterations)
    {
        Sections = sections;
        StructureIterations = structureIterations;
    }

    /// <summary>Gets the sections in order.</summary>
    public ImmutableArray<SectionPlan> Sections { get; }

    /// <summary>
    /// Gets an upper bound of the loop iterations the bundled templates make over the format's structure (sections,
    /// tables, rows, and every grid slot and cell twice): what a render adds for paragraphs and findings comes on top.
    /// </summary>
    public long StructureIterations { get; }

    /// <summary>Gets the plan of a format for an output kind (made at the first render of that kind).</summary>
    public static FormatPlan For(FormatSkeleton skeleton, RenderKind kind)
    {
        var plans = Plans.GetValue(skeleton, _ => new FormatPlan[Enum.GetValues<RenderKind>().Length]);
        var index = (int)kind;
        if (Volatile.Read(ref plans[index]) is { } made)
        {
            return made;
        }

        // Two threads may both make it; either result is the same.
        var plan = Create(skeleton, kind);
        Volatile.Write(ref plans[index], plan);
        return plan;
    }

    private static FormatPlan Create(FormatSkeleton skeleton, RenderKind kind)
    {
        Func<FormatSkeleton.TableSkeleton, TablePlan>? lay = kind switch
        {
            RenderKind.Markdown => TablePlan.Markdown,
            RenderKind.Html => TablePlan.Html,
            RenderKind.Text => TablePlan.Text,
            _ => null,
        };
        var sections = ImmutableArray.CreateBuilder<SectionPlan>(skeleton.Sections.Length);
        long iterations = skeleton.Sections.Length;
        foreach (var (section, tables) in skeleton.Sections)
        {
            iterations += tables.Length;
            foreach (var table in tables)
            {
                iterations += table.Table.Rows.Length;
                foreach (var row in table.Table.Rows)
                {
                    iterations += 2L * (row.Slots.Length + row.Cells.Length);
                }
            }

            sections.Add(new SectionPlan(
                section.Name,
                section.IsProse,
                section.Label,
                TablePlan.HtmlText(section.Label),
                [.. tables.Select(t => t.Table.Name)],
                lay is null ? [] : [.. tables.Select(lay)]));
        }

        return new FormatPlan(sections.MoveToImmutable(), iterations);
    }

    /// <summary>A section: its identifier, its heading as each kind prints it, and its tables.</summary>
    /// <param name="Name">The section identifier.</param>
    /// <param name="IsProse">Whether the section is free text.</param>
    /// <param name="Label">The heading.</param>
    /// <param name="HtmlLabel">The heading escaped for HTML.</param>
    /// <param name="TableNames">The tables' identifiers in order.</param>
    /// <param name="Tables">The tables as this kind prints them (none for Word, whose tables the Word writer lays out).</param>
    internal sealed record SectionPlan(string Name, bool IsProse, string Label, string HtmlLabel, ImmutableArray<string> TableNames, ImmutableArray<TablePlan> Tables);
}
