using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// One rule instance prepared for checking on its own: its cells as indexes and coefficients in flat arrays, read in a
/// plain loop. Used where a report has problems (to describe each one) and by extraction's segmentation search; a clean
/// report never gets here, it is answered by the compiled counter. Nothing is compiled, so preparing costs time linear
/// in the instance's terms, where compiling an expression tree per instance took about a millisecond each.
/// Same operations in the same order as the compiled counter and the emitted C# (term × coefficient, added left to
/// right, then the constant), so a sum overflows in exactly the same cases.
/// </summary>
internal sealed class InstanceCheck
{
    private readonly (int Cell, bool IsPrevious)[] _presence;
    private readonly Term[] _left;
    private readonly Term[] _right;
    private readonly decimal _leftConstant;
    private readonly decimal _rightConstant;
    private readonly bool _usesAmounts;
    private readonly bool _usesPrevious;
    private readonly ComparisonOperator _operator;
    private readonly decimal _tolerance;

    public InstanceCheck(RuleInstance instance, CellLayout layout)
    {
        var terms = instance.Left.Terms.Concat(instance.Right.Terms).ToList();
        _presence = [.. terms.DistinctBy(t => (t.Cell, t.IsPrevious)).Select(t => (layout.IndexOf(t.Cell), t.IsPrevious))];
        _left = [.. instance.Left.Terms.Select(t => new Term(layout.IndexOf(t.Cell), t.Coefficient, t.IsPrevious))];
        _right = [.. instance.Right.Terms.Select(t => new Term(layout.IndexOf(t.Cell), t.Coefficient, t.IsPrevious))];
        _leftConstant = instance.Left.Constant;
        _rightConstant = instance.Right.Constant;
        _usesAmounts = RuleCompiler.UsesAmounts(instance);
        _usesPrevious = terms.Any(t => t.IsPrevious);
        _operator = instance.Rule.Operator;
        _tolerance = instance.Rule.Tolerance ?? 0m;
    }

    public RuleOutcome Check(ReportValues current, ReportValues? previous)
    {
        if (_usesPrevious && previous is null)
        {
            return new RuleOutcome(RuleStatus.NotApplicable);
        }

        // Presence first, in the order the cells are written, so the finding names the first missing one.
        foreach (var (cell, isPrevious) in _presence)
        {
            var values = isPrevious && previous is not null ? previous : current;
            switch (values.State[cell])
            {
                case CellState.Missing:
                    return new RuleOutcome(RuleStatus.Missing, Cell: cell, CellIsPrevious: isPrevious);
                case CellState.Invalid:
                    return new RuleOutcome(RuleStatus.Invalid, Cell: cell, CellIsPrevious: isPrevious);
                case CellState.Omitted:
                case CellState.Unstated:
                    return new RuleOutcome(RuleStatus.NotApplicable);
            }
        }

        try
        {
            if (_usesAmounts)
            {
                var left = AmountSide(_left, _leftConstant, current, previous);
                var right = AmountSide(_right, _rightConstant, current, previous);
                return RuleCompiler.Holds(_operator, left, right, _tolerance) ? RuleOutcome.Holds : new RuleOutcome(RuleStatus.Broken, left, right);
            }
            else
            {
                var left = WholeSide(_left, (long)_leftConstant, current, previous);
                var right = WholeSide(_right, (long)_rightConstant, current, previous);
                return RuleCompiler.Holds(_operator, left, right) ? RuleOutcome.Holds : new RuleOutcome(RuleStatus.Broken, left, right);
            }
        }
        catch (OverflowException)
        {
            return new RuleOutcome(RuleStatus.Overflow);
        }
    }

    private static long WholeSide(Term[] terms, long constant, ReportValues current, ReportValues? previous)
    {
        if (terms.Length == 0)
        {
            return constant;
        }

        var sum = 0L;
        for (var i = 0; i < terms.Length; i++)
        {
            var term = terms[i];
            var value = (term.IsPrevious && previous is not null ? previous : current).Whole[term.Cell];
            if (term.Coefficient != 1)
            {
                value = checked(value * term.Coefficient);
            }

            sum = i == 0 ? value : checked(sum + value);
        }

        return constant == 0 ? sum : checked(sum + constant);
    }

    private static decimal AmountSide(Term[] terms, decimal constant, ReportValues current, ReportValues? previous)
    {
        if (terms.Length == 0)
        {
            return constant;
        }

        var sum = 0m;
        for (var i = 0; i < terms.Length; i++)
        {
            var term = terms[i];
            var value = (term.IsPrevious && previous is not null ? previous : current).Amount[term.Cell];
            if (term.Coefficient != 1)
            {
                value *= term.Coefficient;
            }

            sum = i == 0 ? value : sum + value;
        }

        return constant == 0 ? sum : sum + constant;
    }

    private readonly record struct Term(int Cell, int Coefficient, bool IsPrevious);
}
