using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ReportDsl.Semantics;

/// <summary>What a cell may hold.</summary>
public enum CellTypeKind
{
    /// <summary>A non-negative whole number.</summary>
    Count,

    /// <summary>A whole number that may be negative, such as 本年增/减.</summary>
    Integer,

    /// <summary>A decimal amount with an optional unit and a fixed number of decimals.</summary>
    Amount,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>A percentage written as a number of hundredths (85.5 for 85.5 %), with a fixed number of decimals.</summary>
    Percent,

    /// <summary>A calendar date, written <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>True or false (是/否).</summary>
    Boolean,

    /// <summary>One word of a closed list.</summary>
    Enum,
}

/// <summary>How a row, column, table or section must be filled in.</summary>
public enum Presence
{
    /// <summary>Neither <c>required</c> nor <c>optional</c>: a blank cell is a warning (RD3101).</summary>
    Unspecified,

    /// <summary><c>required</c>: a blank cell, or a table or section without values, is an error.</summary>
    Required,

    /// <summary><c>optional</c>: a blank cell is no finding, and the rules that read it are not checked.</summary>
    Optional,
}

/// <summary>
/// The type of a cell: a kind, and for amounts a unit (such as 万元) and a precision (digits after the point); the words
/// of an enum; and the options every type may take: the bounds of a value, a pattern for text, and the value a blank cell takes.
/// </summary>
public sealed record CellType(CellTypeKind Kind, string? Unit = null, int Precision = 0)
{
    /// <summary>Gets the non-negative whole number type.</summary>
    public static CellType Count { get; } = new(CellTypeKind.Count);

    /// <summary>Gets the signed whole number type.</summary>
    public static CellType Integer { get; } = new(CellTypeKind.Integer);

    /// <summary>Gets the text type.</summary>
    public static CellType Text { get; } = new(CellTypeKind.Text);

    /// <summary>Gets the words an enum allows, in declared order (empty for other kinds).</summary>
    public ImmutableArray<string> Words { get; init; } = [];

    /// <summary>Gets the smallest value allowed (<c>range</c>), if any.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>Gets the largest value allowed (<c>range</c>), if any.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>Gets the regular expression a text value must match (<c>pattern</c>), if any.</summary>
    public string? Pattern { get; init; }

    /// <summary>Gets the value a blank cell takes (<c>default</c>), as the spec writes it, if any.</summary>
    public string? Default { get; init; }

    /// <summary>Gets whether values are whole numbers.</summary>
    public bool IsWholeNumber => Kind is CellTypeKind.Count or CellTypeKind.Integer;

    /// <summary>Gets whether values are numbers (whole numbers, amounts and percents).</summary>
    public bool IsNumeric => Kind is CellTypeKind.Count or CellTypeKind.Integer or CellTypeKind.Amount or CellTypeKind.Percent;

    /// <summary>Gets whether values are decimals stored with a precision (amounts and percents).</summary>
    public bool IsDecimal => Kind is CellTypeKind.Amount or CellTypeKind.Percent;

    /// <summary>Gets whether values of the type add up, so that a total of them means something (not percents).</summary>
    public bool IsAdditive => Kind is CellTypeKind.Count or CellTypeKind.Integer or CellTypeKind.Amount;

    /// <inheritdoc />
    public bool Equals(CellType? other) =>
        other is not null && Kind == other.Kind && Unit == other.Unit && Precision == other.Precision && Words.SequenceEqual(other.Words)
        && Minimum == other.Minimum && Maximum == other.Maximum && Pattern == other.Pattern && Default == other.Default;

    /// <inheritdoc />
    public override int GetHashCode() => (((int)Kind * 31) + Precision) * 31 + (Unit?.Length ?? 0) + Words.Length;

    /// <summary>Gets the type as the language writes it.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Kind switch
        {
            CellTypeKind.Count => "count",
            CellTypeKind.Integer => "integer",
            CellTypeKind.Text => "text",
            CellTypeKind.Date => "date",
            CellTypeKind.Boolean => "boolean",
            CellTypeKind.Enum => "enum(" + string.Join(", ", Words.Select(Quote)) + ")",
            CellTypeKind.Percent => "percent precision " + Precision.ToString(CultureInfo.InvariantCulture),
            _ => "amount"
                + (Unit is null ? string.Empty : $" unit \"{Unit}\"")
                + " precision " + Precision.ToString(CultureInfo.InvariantCulture),
        });
        if (Minimum is not null || Maximum is not null)
        {
            text.Append(" range ").Append(Minimum?.ToString(CultureInfo.InvariantCulture)).Append("..").Append(Maximum?.ToString(CultureInfo.InvariantCulture));
        }

        if (Pattern is not null)
        {
            text.Append(" pattern ").Append(Quote(Pattern));
        }

        if (Default is not null)
        {
            text.Append(" default ").Append(IsNumeric || Kind == CellTypeKind.Boolean ? Default : Quote(Default));
        }

        return text.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
