using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// Evaluates the value trees of a rule instance that is not linear or has a condition, in <see cref="decimal"/>, by a
/// plain walk that allocates nothing. The compiled counter and the emitted C# do the same operations in the same order:
/// operands left to right; a linear part as term × coefficient added left to right, then the constant; a divisor of 0
/// stops the evaluation (RD3160); <c>and</c> and <c>or</c> stop once the answer is known.
/// </summary>
internal static class InstanceEvaluator
{
    /// <summary>Evaluates a value; false when a divisor is 0, which is then named by <paramref name="zero"/>.</summary>
    public static bool TryEvaluate(InstanceValue value, ReportValues current, ReportValues? previous, out decimal result, ref InstanceValue? zero)
    {
        switch (value)
        {
            case LinearValue linear:
                result = Linear(linear.Combination, current, previous);
                return true;
            case NegatedValue negated:
                if (!TryEvaluate(negated.Operand, current, previous, out var inner, ref zero))
                {
                    result = 0;
                    return false;
                }

                result = -inner;
                return true;
            case ArithmeticValue arithmetic:
                if (!TryEvaluate(arithmetic.Left, current, previous, out var left, ref zero)
                    || !TryEvaluate(arithmetic.Right, current, previous, out var right, ref zero))
                {
                    result = 0;
                    return false;
                }

                if (arithmetic.Operator == ArithmeticOperator.Divide && right == 0)
                {
                    zero = arithmetic.Right;
                    result = 0;
                    return false;
                }

                result = Apply(arithmetic.Operator, left, right);
                return true;
            case FunctionValue function:
                return TryFunction(function, current, previous, out result, ref zero);
            case PresenceValue presence:
                result = Present(presence, current) == true ? 1m : 0m;
                return true;
            default:
                result = 0;
                return true;
        }
    }

    /// <summary>Evaluates a condition; false (with <paramref name="holds"/> unset) when a divisor is 0.</summary>
    public static bool TryHolds(InstanceCondition condition, ReportValues current, ReportValues? previous, out bool holds, ref InstanceValue? zero)
    {
        switch (condition)
        {
            case InstanceComparison comparison:
                if (!TryEvaluate(comparison.Left, current, previous, out var left, ref zero)
                    || !TryEvaluate(comparison.Right, current, previous, out var right, ref zero))
                {
                    holds = false;
                    return false;
                }

                holds = RuleCompiler.Holds(comparison.Operator, left, right, 0m);
                return true;
            case InstanceValueTest test:
                holds = TestHolds(test, current, previous);
                return true;
            case InstanceNot not:
                if (!TryHolds(not.Operand, current, previous, out var operand, ref zero))
                {
                    holds = false;
                    return false;
                }

                holds = !operand;
                return true;
            case InstanceLogical logical:
                holds = logical.IsAnd;
                foreach (var part in logical.Operands)
                {
                    if (!TryHolds(part, current, previous, out var answer, ref zero))
                    {
                        return false;
                    }

                    if (answer != logical.IsAnd)
                    {
                        holds = answer;
                        return true;
                    }
                }

                return true;
            default:
                holds = true;
                return true;
        }
    }

    /// <summary>Whether a test of a text, date, boolean or enum cell holds (its cells have values: checked before).</summary>
    public static bool TestHolds(InstanceValueTest test, ReportValues current, ReportValues? previous) =>
        ValueFacts.Holds(test.Kind, test.Operator, TextOf(test.Cell, current, previous), test.Other is { } other ? TextOf(other, current, previous) : test.Literal ?? string.Empty);

    private static string TextOf(LinearTerm term, ReportValues current, ReportValues? previous)
    {
        var values = term.IsPrevious && previous is not null ? previous : current;
        return values.Text[values.Layout.IndexOf(term.Cell)] ?? string.Empty;
    }

    /// <summary>
    /// Whether an existence rule's target is present: a section's text the report has, or a cell with a value written in
    /// the report (valid or not; a default is none). Null when the target depends on text and the report states none.
    /// </summary>
    public static bool? Present(PresenceValue presence, ReportValues current)
    {
        if (presence.Text is { } section)
        {
            var text = current.SectionText[current.Layout.Format.Sections.IndexOf(section)];
            if (text == CellState.Unstated)
            {
                return null;
            }

            if (presence.Cells.IsEmpty)
            {
                return text == CellState.Present;
            }
        }

        foreach (var term in presence.Cells)
        {
            var index = current.Layout.IndexOf(term.Cell);
            if (Written(current, index))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the report writes a value in a cell: valid or not, but not a default taken by a blank.</summary>
    public static bool Written(ReportValues values, int cell) =>
        values.State[cell] == CellState.Invalid || (values.State[cell] == CellState.Present && !values.IsDefaulted(cell));

    /// <summary>Applies +, -, × or ÷ (the divisor is not 0).</summary>
    public static decimal Apply(ArithmeticOperator op, decimal left, decimal right) => op switch
    {
        ArithmeticOperator.Add => left + right,
        ArithmeticOperator.Subtract => left - right,
        ArithmeticOperator.Multiply => left * right,
        _ => left / right,
    };

    /// <summary>abs, round (halves away from zero, as 四舍五入), min, max.</summary>
    public static decimal Round(decimal value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    private static bool TryFunction(FunctionValue function, ReportValues current, ReportValues? previous, out decimal result, ref InstanceValue? zero)
    {
        result = 0;
        for (var i = 0; i < function.Arguments.Length; i++)
        {
            if (!TryEvaluate(function.Arguments[i], current, previous, out var argument, ref zero))
            {
                return false;
            }

            result = i == 0 ? argument : function.Function == RuleFunction.Min ? Math.Min(result, argument) : Math.Max(result, argument);
        }

        result = function.Function switch
        {
            RuleFunction.Abs => Math.Abs(result),
            RuleFunction.Round => Round(result, function.Digits),
            _ => result,
        };
        return true;
    }

    private static decimal Linear(LinearCombination combination, ReportValues current, ReportValues? previous)
    {
        var terms = combination.Terms;
        if (terms.IsEmpty)
        {
            return combination.Constant;
        }

        var sum = 0m;
        for (var i = 0; i < terms.Length; i++)
        {
            var term = terms[i];
            var values = term.IsPrevious && previous is not null ? previous : current;
            var index = values.Layout.IndexOf(term.Cell);
            decimal value = term.Cell.Type.IsWholeNumber ? values.Whole[index] : values.Amount[index];
            if (term.Coefficient != 1)
            {
                value *= term.Coefficient;
            }

            sum = i == 0 ? value : sum + value;
        }

        return combination.Constant == 0 ? sum : sum + combination.Constant;
    }
}
