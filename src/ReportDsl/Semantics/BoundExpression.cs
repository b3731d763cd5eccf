using System.Collections.Immutable;

namespace ReportDsl.Semantics;

/// <summary>The type of an expression in a rule.</summary>
public enum ValueKind
{
    /// <summary>A whole number (counts and integers).</summary>
    Whole,

    /// <summary>A decimal amount.</summary>
    Amount,

    /// <summary>Text; never valid in arithmetic.</summary>
    Text,

    /// <summary>Already reported; checks involving it are skipped.</summary>
    Error,
}

/// <summary>The type of an expression: its kind and, for amounts, its unit if known.</summary>
public readonly record struct ExpressionType(ValueKind Kind, string? Unit = null)
{
    /// <summary>The type of an expression that has already been reported.</summary>
    public static readonly ExpressionType Error = new(ValueKind.Error);

    /// <summary>Gets the type of a cell of a given cell type.</summary>
    public static ExpressionType Of(CellType type) => type.Kind switch
    {
        CellTypeKind.Amount => new ExpressionType(ValueKind.Amount, type.Unit),
        CellTypeKind.Percent => new ExpressionType(ValueKind.Amount, "%"),
        CellTypeKind.Text or CellTypeKind.Date or CellTypeKind.Boolean or CellTypeKind.Enum => new ExpressionType(ValueKind.Text),
        _ => new ExpressionType(ValueKind.Whole),
    };
}

/// <summary>A rule's expression after binding: every name resolved to cells.</summary>
public abstract record BoundExpression(ExpressionType Type);

/// <summary>A number written in the rule.</summary>
public sealed record BoundNumber(decimal Value, bool IsWhole)
    : BoundExpression(IsWhole ? new ExpressionType(ValueKind.Whole) : new ExpressionType(ValueKind.Amount));

/// <summary>
/// A reference to one cell, or with <see cref="IsSum"/> the sum of a set of cells. A null row or column list means the
/// row or column the rule's quantifier is at; in another table it is matched by path.
/// </summary>
public sealed record BoundCells(
    TableSymbol Table,
    ImmutableArray<AxisItemSymbol>? Rows,
    ImmutableArray<AxisItemSymbol>? Columns,
    bool IsPrevious,
    bool IsSum,
    ExpressionType CellValueType) : BoundExpression(CellValueType);

/// <summary>A term of a sum with its sign.</summary>
public sealed record BoundTerm(int Sign, BoundExpression Operand);

/// <summary>A sum or difference of terms.</summary>
public sealed record BoundAdditive(ImmutableArray<BoundTerm> Terms, ExpressionType ResultType) : BoundExpression(ResultType);

/// <summary><c>amount(x)</c>: a whole number taken as an amount without a unit.</summary>
public sealed record BoundAmountConversion(BoundExpression Operand) : BoundExpression(new ExpressionType(ValueKind.Amount));

/// <summary>An expression that could not be bound; its error has been reported.</summary>
public sealed record BoundErrorExpression() : BoundExpression(ExpressionType.Error);

/// <summary>An arithmetic operator of a rule.</summary>
public enum ArithmeticOperator
{
    /// <summary><c>+</c>.</summary>
    Add,

    /// <summary><c>-</c>.</summary>
    Subtract,

    /// <summary><c>*</c>.</summary>
    Multiply,

    /// <summary><c>/</c>; a divisor of 0 is a finding (RD3160), never an exception.</summary>
    Divide,
}

/// <summary>A function of rule arithmetic.</summary>
public enum RuleFunction
{
    /// <summary><c>abs(x)</c>.</summary>
    Abs,

    /// <summary><c>round(x)</c> or <c>round(x, digits)</c>, halves away from zero (四舍五入).</summary>
    Round,

    /// <summary><c>min(a, b, ...)</c>.</summary>
    Min,

    /// <summary><c>max(a, b, ...)</c>.</summary>
    Max,
}

/// <summary><c>a * b</c> or <c>a / b</c>.</summary>
public sealed record BoundBinary(ArithmeticOperator Operator, BoundExpression Left, BoundExpression Right, ExpressionType ResultType) : BoundExpression(ResultType);

/// <summary><c>-x</c> inside an expression.</summary>
public sealed record BoundNegation(BoundExpression Operand) : BoundExpression(Operand.Type);

/// <summary><c>abs</c>, <c>round</c>, <c>min</c> or <c>max</c>; <see cref="Digits"/> is round's number of decimals.</summary>
public sealed record BoundFunction(RuleFunction Function, ImmutableArray<BoundExpression> Arguments, int Digits, ExpressionType ResultType) : BoundExpression(ResultType);

/// <summary>The condition of a rule's <c>when</c> clause after binding.</summary>
public abstract record BoundCondition;

/// <summary>A comparison in a condition (compared exactly, without tolerance).</summary>
public sealed record BoundComparison(BoundExpression Left, ComparisonOperator Operator, BoundExpression Right) : BoundCondition;

/// <summary>Conditions joined by <c>and</c> (<see cref="IsAnd"/>) or by <c>or</c>.</summary>
public sealed record BoundLogical(bool IsAnd, ImmutableArray<BoundCondition> Operands) : BoundCondition;

/// <summary><c>not condition</c>.</summary>
public sealed record BoundNot(BoundCondition Operand) : BoundCondition;

/// <summary>
/// A comparison of a text, date, boolean or enum cell (<see cref="Cell"/>, one cell at each instance) with a written value
/// (<see cref="Literal"/>: a date as yyyy-MM-dd, a boolean as true or false) or with a cell of the same type
/// (<see cref="Other"/>). Only dates are ordered; the other kinds compare with = and != only.
/// </summary>
public sealed record BoundValueTest(BoundCells Cell, ComparisonOperator Operator, BoundCells? Other, string? Literal, CellTypeKind Kind) : BoundCondition;

/// <summary>
/// <c>present target</c>, the side of an existence rule (compared with 1): a prose section's text (<see cref="Text"/>
/// without <see cref="Cells"/>), a fact of a section's text (both), or cells (a table, a section's tables, or a cell
/// reference, possibly at the quantified row or column; any of them with a value is enough). Its value is 1 when present.
/// </summary>
public sealed record BoundPresence(SectionSymbol? Text, BoundCells? Cells, ImmutableArray<CellSymbol> FixedCells, string Target)
    : BoundExpression(new ExpressionType(ValueKind.Whole));
