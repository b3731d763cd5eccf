using System.Collections.Immutable;
using ReportDsl.Text;

namespace ReportDsl.Semantics;

/// <summary>A report format: its identity, the official document it follows, the years it applies to, and its sections.</summary>
public sealed class FormatSymbol : Symbol
{
    internal FormatSymbol(string name, SourceText source, TextSpan nameSpan, string version)
        : base(name, source, nameSpan) => Version = version;

    /// <summary>Gets the version, such as <c>2021</c>.</summary>
    public string Version { get; }

    /// <summary>Gets the official title.</summary>
    public string? Title { get; internal set; }

    /// <summary>Gets the official document that issued the format, such as 国办公开办函〔2021〕30号.</summary>
    public string? Document { get; internal set; }

    /// <summary>Gets the first report year the format applies to.</summary>
    public int? FirstYear { get; internal set; }

    /// <summary>Gets the last report year the format applies to; null when open-ended.</summary>
    public int? LastYear { get; internal set; }

    /// <summary>Gets the earlier format this one extends or revises, when it was among the specs compiled.</summary>
    public FormatSymbol? Earlier { get; internal set; }

    /// <summary>Gets whether the format extends the earlier one (inherits its content) rather than only revising it.</summary>
    public bool IsExtension { get; internal set; }

    /// <summary>Gets the sections in order.</summary>
    public ImmutableArray<SectionSymbol> Sections { get; internal set; } = [];

    /// <summary>Gets every table of every section, in order.</summary>
    public IEnumerable<TableSymbol> Tables => Sections.SelectMany(s => s.Tables);

    /// <summary>Gets every fact of every section, in order.</summary>
    public IEnumerable<FactSymbol> Facts => Sections.SelectMany(s => s.Facts);

    /// <summary>Gets every rule of every table, in order.</summary>
    public IEnumerable<RuleSymbol> Rules => Tables.SelectMany(t => t.Rules);

    /// <summary>Finds a table by identifier.</summary>
    public TableSymbol? FindTable(string name) => Tables.FirstOrDefault(t => t.Name == name);

    /// <summary>Gets whether the format applies to a report year.</summary>
    public bool AppliesTo(int year) => FirstYear is { } first && year >= first && (LastYear is null || year <= LastYear);
}
