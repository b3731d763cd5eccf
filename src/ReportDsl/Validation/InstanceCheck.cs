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
    private readonly RuleInstance? _general;
    private readonly (int Cell, bool IsPrevious)[] _conditionPresence = [];

    public InstanceCheck(RuleInstance instance, CellLayout layout)
    {
        if (instance.IsGeneral)
        {
            // Conditions and arithmetic beyond sums: the value trees, walked in decimal. Condition cells come first.
            _general = instance;
            _conditionPresence = [.. instance.ConditionCells().Select(t => (layout.IndexOf(t.Cell), t.IsPrevious))];
            _presence = [.. instance.SideCells().Select(t => (layout.IndexOf(t.Cell), t.IsPrevious))];
            _left = _right = [];
            _usesPrevious = instance.ConditionCells().Concat(instance.SideCells()).Any(t => t.IsPrevious);
            _operator = instance.Rule.Operator;
            _tolerance = instance.Rule.Tolerance ?? 0m;
            _usesAmounts = true;
            return;
        }

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

        if (_general is not null)
        {
            return CheckGeneral(_general, current, previous);
        }

        // Presence first, in the order the cells are written, so the finding names the first missing one.
        if (Absent(_presence, current, previous) is { } absent)
        {
            return absent;
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

    private static RuleOutcome? Absent((int Cell, bool IsPrevious)[] presence, ReportValues current, ReportValues? previous)
    {
        foreach (var (cell, isPrevious) in presence)
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
                    // A blank optional cell, or a fact the text does not state: rules over it do not apply.
                    return new RuleOutcome(RuleStatus.NotApplicable);
            }
        }

        return null;
    }

    /// <summary>
    /// A rule with a condition or arithmetic beyond sums: the condition's cells must have values, then the condition
    /// decides whether the rule applies; then the sides' cells must have values, and the sides are compared.
    /// </summary>
    private RuleOutcome CheckGeneral(RuleInstance instance, ReportValues current, ReportValues? previous)
    {
        InstanceValue? zero = null;
        try
        {
            if (Absent(_conditionPresence, current, previous) is { } conditionAbsent)
            {
                return conditionAbsent;
            }

            if (instance.Condition is { } condition)
            {
                if (!InstanceEvaluator.TryHolds(condition, current, previous, out var applies, ref zero))
                {
                    return DivisionByZero(instance, zero);
                }

                if (!applies)
                {
                    return RuleOutcome.Holds;
                }
            }

            if (Absent(_presence, current, previous) is { } absent)
            {
                return absent;
            }

            if (instance.LeftValue is PresenceValue presence)
            {
                return InstanceEvaluator.Present(presence, current) switch
                {
                    null => new RuleOutcome(RuleStatus.NotApplicable),
                    true => RuleOutcome.Holds,
                    false => new RuleOutcome(RuleStatus.Broken, 0m, 1m),
                };
            }

            if (!InstanceEvaluator.TryEvaluate(instance.LeftValue, current, previous, out var left, ref zero)
                || !InstanceEvaluator.TryEvaluate(instance.RightValue, current, previous, out var right, ref zero))
            {
                return DivisionByZero(instance, zero);
            }

            return RuleCompiler.Holds(_operator, left, right, _tolerance) ? RuleOutcome.Holds : new RuleOutcome(RuleStatus.Broken, left, right);
        }
        catch (OverflowException)
        {
            return new RuleOutcome(RuleStatus.Overflow);
        }
    }

    private static RuleOutcome DivisionByZero(RuleInstance instance, InstanceValue? zero)
    {
        var index = 0;
        foreach (var divisor in instance.Divisors())
        {
            if (ReferenceEquals(divisor, zero))
            {
                break;
            }

            index++;
        }

        return new RuleOutcome(RuleStatus.DivisionByZero, Divisor: index);
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
