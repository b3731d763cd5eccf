using System.Collections.Immutable;

namespace ReportDsl.Rendering.Model;

/// <summary>
/// What every output kind renders: the report laid out by its format, built once per render and shared by the Scriban
/// templates (through <see cref="ScriptModel"/>) and the Word writer. Documented in docs/templates.md.
/// </summary>
/// <param name="Format">The format the report follows.</param>
/// <param name="Title">The report's title: the agency, the year and the official name.</param>
/// <param name="Agency">The agency that publishes the report, if known.</param>
/// <param name="Year">The report year, if known.</param>
/// <param name="Date">The publication date as printed (yyyy年M月d日), if given.</param>
/// <param name="Sections">The sections in order.</param>
/// <param name="Findings">The findings shown in the report, numbered from 1.</param>
/// <param name="Annotate">Whether findings are to be marked in the cells they are about.</param>
public sealed record ReportView(
    FormatView Format,
    string Title,
    string? Agency,
    int? Year,
    string? Date,
    ImmutableArray<SectionView> Sections,
    ImmutableArray<FindingView> Findings,
    bool Annotate);

/// <summary>The format a report follows.</summary>
/// <param name="Name">The format identifier.</param>
/// <param name="Version">The version, such as 2021.</param>
/// <param name="Title">The official title of the format.</param>
/// <param name="Document">The official document that issued it.</param>
public sealed record FormatView(string Name, string Version, string? Title, string? Document);

/// <summary>A section: a heading, then paragraphs (prose sections) or tables.</summary>
/// <param name="Name">The section identifier.</param>
/// <param name="Label">The official heading.</param>
/// <param name="IsProse">Whether the section is free text.</param>
/// <param name="Paragraphs">The narrative paragraphs given for the section.</param>
/// <param name="Tables">The tables in order.</param>
public sealed record SectionView(string Name, string Label, bool IsProse, ImmutableArray<string> Paragraphs, ImmutableArray<TableView> Tables);

/// <summary>A table laid out on a grid, with merged header and row-label cells.</summary>
/// <param name="Name">The table identifier.</param>
/// <param name="Label">The official caption.</param>
/// <param name="Width">The number of grid columns.</param>
/// <param name="StubWidth">The number of grid columns taken by row labels.</param>
/// <param name="HeaderRowCount">The number of rows before the first value row.</param>
/// <param name="HasCaptionRow">Whether the caption is printed as the table's first row.</param>
/// <param name="Rows">The rows in order.</param>
public sealed record TableView(string Name, string Label, int Width, int StubWidth, int HeaderRowCount, bool HasCaptionRow, ImmutableArray<RowView> Rows);

/// <summary>A grid row.</summary>
/// <param name="Index">The 0-based row index.</param>
/// <param name="IsHeader">Whether the row is one of the header rows.</param>
/// <param name="Cells">The cells that start in this row, with their spans (for HTML and Word).</param>
/// <param name="Slots">One entry per grid column: the covering cell's text where it starts and blanks where a merged cell continues (for Markdown and text).</param>
public sealed record RowView(int Index, bool IsHeader, ImmutableArray<CellView> Cells, ImmutableArray<CellView> Slots);

/// <summary>A cell: a label or a value, with its spans, unit and findings.</summary>
/// <param name="Kind">caption, stub, columns_caption, column_header, row_header, value or empty.</param>
/// <param name="Text">The text to print: the label, or the value formatted (the missing mark when blank).</param>
/// <param name="Row">The 0-based grid row where the cell starts.</param>
/// <param name="Column">The 0-based grid column where the cell starts.</param>
/// <param name="RowSpan">How many grid rows the cell covers.</param>
/// <param name="ColumnSpan">How many grid columns the cell covers.</param>
/// <param name="IsContinuation">Whether this entry stands for a merged cell continuing from above or the left (in <see cref="RowView.Slots"/> only).</param>
/// <param name="Id">The cell identifier (<c>applications.received[natural]</c>) for a value cell.</param>
/// <param name="Value">The value for a value cell: a number or a text; null when blank.</param>
/// <param name="Type">The cell type as the language writes it (count, integer, amount …, text) for a value cell.</param>
/// <param name="Unit">The unit of an amount cell, such as 万元.</param>
/// <param name="RowLabels">The row's official labels from the outermost group, for a value cell.</param>
/// <param name="ColumnLabels">The column's official labels from the outermost group, for a value cell.</param>
/// <param name="Findings">The numbers of the findings about this cell (see <see cref="ReportView.Findings"/>).</param>
public sealed record CellView(
    string Kind,
    string Text,
    int Row,
    int Column,
    int RowSpan,
    int ColumnSpan,
    bool IsContinuation,
    string? Id,
    object? Value,
    string? Type,
    string? Unit,
    ImmutableArray<string> RowLabels,
    ImmutableArray<string> ColumnLabels,
    ImmutableArray<int> Findings);

/// <summary>A finding shown in the report.</summary>
/// <param name="Number">Its number, from 1, as footnotes and lists show it.</param>
/// <param name="Code">The rule code or RD code.</param>
/// <param name="Severity">error or warning.</param>
/// <param name="Message">The message.</param>
/// <param name="Equation">The broken comparison with its values, such as <c>received + carried_in = results.total + carried_out: 138 = 140</c>; empty for a value problem.</param>
/// <param name="Text">One line for a comment, a tooltip or a footnote: code, message and equation.</param>
/// <param name="Cells">The identifiers of the cells involved.</param>
public sealed record FindingView(int Number, string Code, string Severity, string Message, string Equation, string Text, ImmutableArray<string> Cells);
