using System.Globalization;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>Whether a cell has a usable value.</summary>
public enum CellState : byte
{
    /// <summary>Absent, null or blank: missing, never 0.</summary>
    Missing,

    /// <summary>A value of the cell's type.</summary>
    Present,

    /// <summary>A value that is not of the cell's type; already reported, so rules over it are skipped.</summary>
    Invalid,

    /// <summary>A fact the section's text does not state (or states ambiguously): rules over it do not apply.</summary>
    Unstated,

    /// <summary>
    /// No value, and none needed: an optional cell left blank, or a cell of a table or section reported missing as a
    /// whole. Rules that read it are not checked, and say nothing.
    /// </summary>
    Omitted,
}

/// <summary>
/// The values of one report in flat arrays indexed by <see cref="CellLayout"/>: whole numbers, amounts and texts side by
/// side, with a state per cell. This is what compiled validators read.
/// </summary>
public sealed class ReportValues
{
    /// <summary>Creates empty values (every cell missing) for a layout.</summary>
    public ReportValues(CellLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        var count = layout.Cells.Length;
        Whole = new long[count];
        Amount = new decimal[count];
        State = new CellState[count];
        Text = new string?[count];
        SectionText = new CellState[layout.Format.Sections.Length];
        Array.Fill(SectionText, CellState.Unstated);
        for (var cell = layout.FirstFact; cell < count; cell++)
        {
            State[cell] = CellState.Unstated;
        }
    }

    /// <summary>Gets the layout.</summary>
    public CellLayout Layout { get; }

    internal long[] Whole { get; }

    internal decimal[] Amount { get; }

    internal CellState[] State { get; }

    internal string?[] Text { get; }

    // Whether each section (by its index in the format) has text: Unstated while the report states no text at all.
    internal CellState[] SectionText { get; }

    // Which cells took their type's default because they were blank; made at the first default.
    private bool[]? _defaulted;

    /// <summary>Gets a cell's state.</summary>
    public CellState StateOf(int cell) => State[cell];

    /// <summary>Gets a cell's numeric value (whole numbers as decimals), or null when it has none.</summary>
    public decimal? NumberOf(int cell) => State[cell] != CellState.Present
        ? null
        : Layout.Cells[cell].Type.IsWholeNumber ? Whole[cell] : Amount[cell];

    /// <summary>Gets a text cell's value.</summary>
    public string? TextOf(int cell) => Text[cell];

    /// <summary>Sets a whole-number cell.</summary>
    public void SetWhole(int cell, long value)
    {
        Whole[cell] = value;
        Amount[cell] = value;
        State[cell] = CellState.Present;
    }

    /// <summary>Sets an amount cell.</summary>
    public void SetAmount(int cell, decimal value)
    {
        Amount[cell] = value;
        State[cell] = CellState.Present;
    }

    /// <summary>Sets a text cell.</summary>
    public void SetText(int cell, string value)
    {
        Text[cell] = value;
        State[cell] = CellState.Present;
    }

    /// <summary>Marks a cell as holding a value of the wrong kind (already reported).</summary>
    public void SetInvalid(int cell) => State[cell] = CellState.Invalid;

    /// <summary>Marks a cell as missing.</summary>
    public void SetMissing(int cell) => State[cell] = CellState.Missing;

    /// <summary>Marks a fact as not stated by its section's text.</summary>
    public void SetUnstated(int cell) => State[cell] = CellState.Unstated;

    /// <summary>Marks a cell as omitted: it has no value and needs none, so rules over it are not checked.</summary>
    public void SetOmitted(int cell) => State[cell] = CellState.Omitted;

    /// <summary>
    /// Gets whether the report has text for a section, by the section's index in the format: <see cref="CellState.Present"/>,
    /// <see cref="CellState.Missing"/>, or <see cref="CellState.Unstated"/> when the report states no text at all (table
    /// data only), so that existence rules over the text are not checked.
    /// </summary>
    public CellState StateOfSectionText(int section) => SectionText[section];

    /// <summary>Records whether the report has text for a section (by its index in the format's sections).</summary>
    public void SetSectionText(int section, bool hasText) => SectionText[section] = hasText ? CellState.Present : CellState.Missing;

    /// <summary>Gets whether a cell's value is its type's default, taken because the cell was blank.</summary>
    public bool IsDefaulted(int cell) => _defaulted is { } defaulted && defaulted[cell];

    /// <summary>
    /// Gives a blank cell its type's default and marks it as defaulted, for readers that find the cell blank (the default
    /// was checked against the type when the spec was bound). False when the type has no default.
    /// </summary>
    internal bool ApplyDefault(int cell)
    {
        var type = Layout.Cells[cell].Type;
        if (type.Default is not { } value)
        {
            return false;
        }

        var text = value.Trim();
        switch (type.Kind)
        {
            case CellTypeKind.Count or CellTypeKind.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                SetWhole(cell, whole);
                break;
            case CellTypeKind.Amount or CellTypeKind.Percent when decimal.TryParse(text.TrimEnd('%').TrimEnd(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount):
                SetAmount(cell, amount);
                break;
            case CellTypeKind.Boolean when ValueFacts.Boolean(text) is { } truth:
                SetText(cell, truth ? "true" : "false");
                break;
            case CellTypeKind.Enum or CellTypeKind.Date:
                SetText(cell, text);
                break;
            case CellTypeKind.Text:
                SetText(cell, value);
                break;
            default:
                return false;
        }

        MarkDefaulted(cell);
        return true;
    }

    internal void MarkDefaulted(int cell) => (_defaulted ??= new bool[State.Length])[cell] = true;
}
