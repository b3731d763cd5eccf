namespace ReportDsl.Documents.Text;

/// <summary>What a piece of a document is, for the extractor.</summary>
internal enum ItemKind
{
    /// <summary>Text that is not a number: a label, a caption, or noise.</summary>
    Label,

    /// <summary>A number.</summary>
    Value,

    /// <summary>A cell that is there but empty.</summary>
    Blank,

    /// <summary>The end of a table row (a line, or a blank line between one-cell-per-line rows).</summary>
    RowBreak,

    /// <summary>
    /// Digits of several cells run together without separators ("640020470"), as crawlers flatten tables; the extractor
    /// splits them using the format's invariants.
    /// </summary>
    Digits,
}

/// <summary>
/// A cell, or a part of a cell, in reading order, with where it was found: a 1-based line and column for text, and a
/// <paramref name="Detail"/> such as "table 2, row 5, cell 3" or "page 3" for documents without lines.
/// </summary>
internal sealed record DocumentItem(ItemKind Kind, string Text, decimal Number, int Line, int Column, string? Detail = null)
{
    /// <summary>How sure OCR was of the text (0–100), or null when the document has a text layer.</summary>
    public double? Confidence { get; init; }

    public Validation.FindingLocation Locate(string path) => new(path, Line, Column, Detail);
}
