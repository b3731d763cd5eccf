using ReportDsl.Semantics;

namespace ReportDsl.Binding;

/// <summary>What can be known about a condition before any report: always true, always false, or it depends.</summary>
internal static class ConditionFacts
{
    /// <summary>
    /// True or false when the condition's answer does not depend on the report: comparisons of numbers, and of sums of
    /// counts (never negative) with 0 or a negative number; <c>and</c>, <c>or</c> and <c>not</c> over those.
    /// </summary>
    public static bool? Constant(BoundCondition condition, Func<CellSymbol, bool> isCount)
    {
        switch (condition)
        {
            case BoundNot not:
                return !Constant(not.Operand, isCount);
            case BoundLogical { Operands.IsEmpty: true }:
                // What a condition that did not bind is left as: already reported, so nothing more is said of it.
                return null;
            case BoundLogical logical:
                var answers = logical.Operands.Select(o => Constant(o, isCount)).ToList();
                if (logical.IsAnd)
                {
                    return answers.Contains(false) ? false : answers.All(a => a == true) ? true : null;
                }

                return answers.Contains(true) ? true : answers.All(a => a == false) ? false : null;
            case BoundComparison comparison:
                return Compare(comparison, isCount);
            default:
                return null;
        }
    }

    private static bool? Compare(BoundComparison comparison, Func<CellSymbol, bool> isCount)
    {
        var left = ConstantValue(comparison.Left);
        var right = ConstantValue(comparison.Right);
        if (left is { } l && right is { } r)
        {
            return comparison.Operator switch
            {
                ComparisonOperator.Equal => l == r,
                ComparisonOperator.NotEqual => l != r,
                ComparisonOperator.LessThan => l < r,
                ComparisonOperator.LessThanOrEqual => l <= r,
                ComparisonOperator.GreaterThan => l > r,
                _ => l >= r,
            };
        }

        // x op c with x never negative, or c op x turned around.
        var (op, bound) = right is { } c && IsNonNegative(comparison.Left, isCount)
            ? (comparison.Operator, c)
            : left is { } c2 && IsNonNegative(comparison.Right, isCount) ? (Mirror(comparison.Operator), c2) : ((ComparisonOperator?)null, 0m);
        return op switch
        {
            ComparisonOperator.GreaterThanOrEqual when bound <= 0 => true,
            ComparisonOperator.LessThan when bound <= 0 => false,
            ComparisonOperator.GreaterThan when bound < 0 => true,
            ComparisonOperator.LessThanOrEqual when bound < 0 => false,
            ComparisonOperator.NotEqual when bound < 0 => true,
            ComparisonOperator.Equal when bound < 0 => false,
            _ => null,
        };
    }

    /// <summary>The operator that compares the same two values written the other way round.</summary>
    internal static ComparisonOperator Mirror(ComparisonOperator op) => op switch
    {
        ComparisonOperator.LessThan => ComparisonOperator.GreaterThan,
        ComparisonOperator.LessThanOrEqual => ComparisonOperator.GreaterThanOrEqual,
        ComparisonOperator.GreaterThan => ComparisonOperator.LessThan,
        ComparisonOperator.GreaterThanOrEqual => ComparisonOperator.LessThanOrEqual,
        _ => op,
    };

    /// <summary>The value of an expression made of numbers only, when it can be worked out without dividing by 0.</summary>
    public static decimal? ConstantValue(BoundExpression expression)
    {
        try
        {
            return expression switch
            {
                BoundNumber number => number.Value,
                BoundAmountConversion conversion => ConstantValue(conversion.Operand),
                BoundNegation negation => -ConstantValue(negation.Operand),
                BoundAdditive additive => additive.Terms.Aggregate((decimal?)0m, (sum, t) => sum + (t.Sign * ConstantValue(t.Operand))),
                BoundBinary { Operator: ArithmeticOperator.Multiply } binary => ConstantValue(binary.Left) * ConstantValue(binary.Right),
                BoundBinary binary when ConstantValue(binary.Right) is { } divisor && divisor != 0 => ConstantValue(binary.Left) / divisor,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Whether an expression can never be negative: counts, non-negative numbers, and +, ×, ÷, abs, round, min, max of them.</summary>
    private static bool IsNonNegative(BoundExpression expression, Func<CellSymbol, bool> isCount) => expression switch
    {
        BoundNumber number => number.Value >= 0,
        BoundCells cells => cells.Table.Cells.Where(c => Covers(cells, c)).All(isCount),
        BoundAmountConversion conversion => IsNonNegative(conversion.Operand, isCount),
        BoundAdditive additive => additive.Terms.All(t => t.Sign > 0 && IsNonNegative(t.Operand, isCount)),
        BoundBinary binary => IsNonNegative(binary.Left, isCount) && IsNonNegative(binary.Right, isCount),
        BoundFunction { Function: RuleFunction.Abs } => true,
        BoundFunction function => function.Arguments.All(a => IsNonNegative(a, isCount)),
        _ => false,
    };

    private static bool Covers(BoundCells cells, CellSymbol cell) =>
        (cells.Rows is not { } rows || rows.Contains(cell.Row)) && (cells.Columns is not { } columns || columns.Contains(cell.Column));

    /// <summary>The cells a reference may read (every row or column of its table where it follows a quantifier).</summary>
    public static IEnumerable<CellSymbol> CellsOf(BoundCells cells) => cells.Table.Cells.Where(c => Covers(cells, c));
}
