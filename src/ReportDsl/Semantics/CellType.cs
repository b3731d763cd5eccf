using System.Globalization;

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
}

/// <summary>The type of a cell: a kind, and for amounts a unit (such as 万元) and a precision (digits after the point).</summary>
public sealed record CellType(CellTypeKind Kind, string? Unit = null, int Precision = 0)
{
    /// <summary>Gets the non-negative whole number type.</summary>
    public static CellType Count { get; } = new(CellTypeKind.Count);

    /// <summary>Gets the signed whole number type.</summary>
    public static CellType Integer { get; } = new(CellTypeKind.Integer);

    /// <summary>Gets the text type.</summary>
    public static CellType Text { get; } = new(CellTypeKind.Text);

    /// <summary>Gets whether values are whole numbers.</summary>
    public bool IsWholeNumber => Kind is CellTypeKind.Count or CellTypeKind.Integer;

    /// <summary>Gets the type as the language writes it.</summary>
    public override string ToString() => Kind switch
    {
        CellTypeKind.Count => "count",
        CellTypeKind.Integer => "integer",
        CellTypeKind.Text => "text",
        _ => "amount"
            + (Unit is null ? string.Empty : $" unit \"{Unit}\"")
            + " precision " + Precision.ToString(CultureInfo.InvariantCulture),
    };
}
