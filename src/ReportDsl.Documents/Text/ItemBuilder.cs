namespace ReportDsl.Documents.Text;

/// <summary>
/// Collects items from documents that have real tables (HTML, Word): prose outside tables, cells split the way
/// <see cref="TextTokenizer"/> splits them, blank cells and row ends, each with where it was found.
/// </summary>
internal sealed class ItemBuilder
{
    // No official label is longer than about 60 characters, and a longer text can never reach the match threshold
    // against one, so a paragraph of prose is cut here to keep label matching (quadratic in length) cheap.
    private const int LongestLabel = 200;

    /// <summary>Gets the items so far, in reading order.</summary>
    public List<DocumentItem> Items { get; } = [];

    /// <summary>A block of text outside any table: one label, then a row end (prose numbers are not table values).</summary>
    public void Prose(string text, int line, int column)
    {
        var label = TextNormalizer.Label(text);
        if (label.Length == 0)
        {
            return;
        }

        Items.Add(new DocumentItem(ItemKind.Label, label.Length > LongestLabel ? label[..LongestLabel] : label, 0, line, column));
        Break(line, column);
    }

    /// <summary>Text of a cell (or of one paragraph of it); returns whether anything was added, false for blank text.</summary>
    public bool Cell(string text, int line, int column, string detail)
    {
        if (TextNormalizer.IsBlank(text))
        {
            return false;
        }

        var first = Items.Count;
        TextTokenizer.AddParts(Items, text, line, column, detail);

        // Offsets inside the cell's text are not positions in the source; every part points at the cell itself.
        for (var i = first; i < Items.Count; i++)
        {
            Items[i] = Items[i] with { Column = column };
        }

        return true;
    }

    /// <summary>A cell that is there but holds nothing.</summary>
    public void Blank(int line, int column, string detail) => Items.Add(new DocumentItem(ItemKind.Blank, string.Empty, 0, line, column, detail));

    /// <summary>The end of a row (never two in a row, never first).</summary>
    public void Break(int line, int column)
    {
        if (Items.Count > 0 && Items[^1].Kind != ItemKind.RowBreak)
        {
            Items.Add(new DocumentItem(ItemKind.RowBreak, string.Empty, 0, line, column));
        }
    }
}
