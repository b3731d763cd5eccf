using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// The plain way to check a rule: walk its bound expression tree for each quantified row and column. Kept as the
/// reference the compiled validator is tested against, and as the baseline of the benchmarks.
/// </summary>
public static class RuleInterpreter
{
    /// <summary>Checks one rule instance by walking the rule's bound expressions.</summary>
    public static RuleOutcome Check(RuleInstance instance, CellLayout layout, ReportValues current, ReportValues? previous)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(current);
        var rule = instance.Rule;
        var scope = instance.Scope ?? rule.Scopes[0];
        var conditionTerms = instance.ConditionCells().ToList();
        var terms = instance.IsGeneral ? instance.SideCells().ToList() : instance.Left.Terms.Concat(instance.Right.Terms).ToList();
        if (conditionTerms.Concat(terms).Any(t => t.IsPrevious) && previous is null)
        {
            return new RuleOutcome(RuleStatus.NotApplicable);
        }

        var divisor = new DivisorCounter(instance);
        try
        {
            if (Absent(conditionTerms, layout, current, previous) is { } conditionAbsent)
            {
                return conditionAbsent;
            }

            if (scope.Condition is { } condition && !Holds(condition, scope.Table, instance, layout, current, previous, divisor))
            {
                return RuleOutcome.Holds;
            }

            if (Absent(terms, layout, current, previous) is { } absent)
            {
                return absent;
            }

            if (scope.Left is BoundPresence presence)
            {
                return Present(presence, scope.Table, instance, layout, current) switch
                {
                    null => new RuleOutcome(RuleStatus.NotApplicable),
                    true => RuleOutcome.Holds,
                    false => new RuleOutcome(RuleStatus.Broken, 0m, 1m),
                };
            }

            var left = Evaluate(scope.Left, scope.Table, instance, layout, current, previous, divisor);
            var right = Evaluate(scope.Right, scope.Table, instance, layout, current, previous, divisor);
            var tolerance = rule.Tolerance ?? 0m;
            var holds = rule.Operator switch
            {
                ComparisonOperator.Equal => Math.Abs(left - right) <= tolerance,
                ComparisonOperator.NotEqual => Math.Abs(left - right) > tolerance,
                ComparisonOperator.LessThan => left < right,
                ComparisonOperator.LessThanOrEqual => left <= right + tolerance,
                ComparisonOperator.GreaterThan => left > right,
                _ => left >= right - tolerance,
            };
            return holds ? RuleOutcome.Holds : new RuleOutcome(RuleStatus.Broken, left, right);
        }
        catch (OverflowException)
        {
            return new RuleOutcome(RuleStatus.Overflow);
        }
        catch (DivideByZeroException)
        {
            return new RuleOutcome(RuleStatus.DivisionByZero, Divisor: divisor.Zero);
        }
    }

    /// <summary>Whether the target of <c>present</c> is there, walking the bound target; null when the report states no text.</summary>
    private static bool? Present(BoundPresence presence, TableSymbol ruleTable, RuleInstance instance, CellLayout layout, ReportValues current)
    {
        if (presence.Text is { } section)
        {
            var text = current.StateOfSectionText(layout.Format.Sections.IndexOf(section));
            if (text == CellState.Unstated)
            {
                return null;
            }

            if (presence.Cells is null)
            {
                return text == CellState.Present;
            }
        }

        var cells = presence.Cells is { } reference
            ? Items(reference.Table, ruleTable, reference.Rows, instance.Row, Axis.Row)
                .SelectMany(row => Items(reference.Table, ruleTable, reference.Columns, instance.Column, Axis.Column).Select(column => reference.Table.GetCell(row, column)))
                .OfType<CellSymbol>()
            : presence.FixedCells;
        foreach (var cell in cells)
        {
            var index = layout.IndexOf(cell);
            var state = current.StateOf(index);
            if (state == CellState.Invalid || (state == CellState.Present && !current.IsDefaulted(index)))
            {
                return true;
            }
        }

        return false;
    }

    private static RuleOutcome? Absent(List<LinearTerm> terms, CellLayout layout, ReportValues current, ReportValues? previous)
    {
        foreach (var term in terms)
        {
            var index = layout.IndexOf(term.Cell);
            var values = term.IsPrevious && previous is not null ? previous : current;
            var state = values.StateOf(index);
            if (state is CellState.Unstated or CellState.Omitted)
            {
                // A blank optional cell, or a fact the text does not state: rules over it do not apply.
                return new RuleOutcome(RuleStatus.NotApplicable);
            }

            if (state != CellState.Present)
            {
                return new RuleOutcome(state == CellState.Missing ? RuleStatus.Missing : RuleStatus.Invalid, Cell: index, CellIsPrevious: term.IsPrevious);
            }
        }

        return null;
    }

    private static bool Holds(BoundCondition condition, TableSymbol ruleTable, RuleInstance instance, CellLayout layout, ReportValues current, ReportValues? previous, DivisorCounter divisor) => condition switch
    {
        BoundNot not => !Holds(not.Operand, ruleTable, instance, layout, current, previous, divisor),
        BoundLogical logical => Logical(logical, ruleTable, instance, layout, current, previous, divisor),
        BoundComparison comparison => Compare(
            comparison.Operator,
            Evaluate(comparison.Left, ruleTable, instance, layout, current, previous, divisor),
            Evaluate(comparison.Right, ruleTable, instance, layout, current, previous, divisor)),
        BoundValueTest test => ValueFacts.Holds(
            test.Kind,
            test.Operator,
            TextAt(test.Cell, ruleTable, instance, layout, current, previous),
            test.Other is { } other ? TextAt(other, ruleTable, instance, layout, current, previous) : test.Literal ?? string.Empty),
        _ => true,
    };

    private static string TextAt(BoundCells cells, TableSymbol ruleTable, RuleInstance instance, CellLayout layout, ReportValues current, ReportValues? previous)
    {
        var report = cells.IsPrevious && previous is not null ? previous : current;
        foreach (var row in Items(cells.Table, ruleTable, cells.Rows, instance.Row, Axis.Row))
        {
            foreach (var column in Items(cells.Table, ruleTable, cells.Columns, instance.Column, Axis.Column))
            {
                if (cells.Table.GetCell(row, column) is { } cell)
                {
                    return report.TextOf(layout.IndexOf(cell)) ?? string.Empty;
                }
            }
        }

        return string.Empty;
    }

    private static bool Logical(BoundLogical logical, TableSymbol ruleTable, RuleInstance instance, CellLayout layout, ReportValues current, ReportValues? previous, DivisorCounter divisor)
    {
        for (var i = 0; i < logical.Operands.Length; i++)
        {
            if (Holds(logical.Operands[i], ruleTable, instance, layout, current, previous, divisor) != logical.IsAnd)
            {
                // The rest is not evaluated; its divisions still count in the numbering.
                divisor.Skip(logical.Operands.Skip(i + 1).Sum(Divisions));
                return !logical.IsAnd;
            }
        }

        return logical.IsAnd;
    }

    private static int Divisions(BoundCondition condition) => condition switch
    {
        BoundNot not => Divisions(not.Operand),
        BoundLogical logical => logical.Operands.Sum(Divisions),
        BoundComparison comparison => Divisions(comparison.Left) + Divisions(comparison.Right),
        _ => 0,
    };

    private static int Divisions(BoundExpression expression) => expression switch
    {
        BoundBinary binary => Divisions(binary.Left) + Divisions(binary.Right) + (binary.Operator == ArithmeticOperator.Divide ? 1 : 0),
        BoundNegation negation => Divisions(negation.Operand),
        BoundAmountConversion conversion => Divisions(conversion.Operand),
        BoundAdditive additive => additive.Terms.Sum(t => Divisions(t.Operand)),
        BoundFunction function => function.Arguments.Sum(Divisions),
        _ => 0,
    };

    // A condition compares exactly, as the compiled counter's comparison does without a tolerance.
    private static bool Compare(ComparisonOperator op, decimal left, decimal right) => RuleCompiler.Holds(op, left, right, 0m);

    private static decimal Evaluate(BoundExpression expression, TableSymbol ruleTable, RuleInstance instance, CellLayout layout, ReportValues current, ReportValues? previous, DivisorCounter divisor)
    {
        switch (expression)
        {
            case BoundNumber number:
                return number.Value;
            case BoundAmountConversion conversion:
                return Evaluate(conversion.Operand, ruleTable, instance, layout, current, previous, divisor);
            case BoundAdditive additive:
                var sum = 0m;
                foreach (var term in additive.Terms)
                {
                    var value = Evaluate(term.Operand, ruleTable, instance, layout, current, previous, divisor);
                    sum = term.Sign < 0 ? sum - value : sum + value;
                }

                return sum;
            case BoundNegation negation:
                return -Evaluate(negation.Operand, ruleTable, instance, layout, current, previous, divisor);
            case BoundBinary binary:
                var left = Evaluate(binary.Left, ruleTable, instance, layout, current, previous, divisor);
                var right = Evaluate(binary.Right, ruleTable, instance, layout, current, previous, divisor);
                if (binary.Operator == ArithmeticOperator.Divide)
                {
                    // Divisions are numbered in the order they finish, as RuleInstance.Divisors lists them.
                    divisor.Next(right);
                    return left / right;
                }

                return left * right;
            case BoundFunction function:
                var values = function.Arguments.Select(a => Evaluate(a, ruleTable, instance, layout, current, previous, divisor)).ToList();
                return function.Function switch
                {
                    RuleFunction.Abs => Math.Abs(values[0]),
                    RuleFunction.Round => Math.Round(values[0], function.Digits, MidpointRounding.AwayFromZero),
                    RuleFunction.Min => values.Min(),
                    _ => values.Max(),
                };
            case BoundCells cells:
                var report = cells.IsPrevious && previous is not null ? previous : current;
                var total = 0m;
                foreach (var row in Items(cells.Table, ruleTable, cells.Rows, instance.Row, Axis.Row))
                {
                    foreach (var column in Items(cells.Table, ruleTable, cells.Columns, instance.Column, Axis.Column))
                    {
                        if (cells.Table.GetCell(row, column) is { } cell)
                        {
                            total += report.NumberOf(layout.IndexOf(cell)) ?? 0m;
                        }
                    }
                }

                return total;
            default:
                return 0m;
        }
    }

    /// <summary>
    /// Numbers the divisions as they are evaluated, to say which one was 0. Conditions stop early, so the number is
    /// found by position in <see cref="RuleInstance.Divisors"/>: the walk skips the divisions of parts not evaluated.
    /// </summary>
    private sealed class DivisorCounter(RuleInstance instance)
    {
        private readonly InstanceValue[] _divisors = [.. instance.Divisors()];
        private int _evaluated;

        public int Zero { get; private set; } = -1;

        public void Next(decimal value)
        {
            if (value == 0)
            {
                Zero = Math.Min(_evaluated, _divisors.Length - 1);
            }

            _evaluated++;
        }

        public void Skip(int divisions) => _evaluated += divisions;
    }

    private static IEnumerable<AxisItemSymbol> Items(TableSymbol table, TableSymbol ruleTable, System.Collections.Immutable.ImmutableArray<AxisItemSymbol>? written, AxisItemSymbol? current, Axis axis) =>
        written is { } items ? items
        : current is null ? []
        : ReferenceEquals(table, ruleTable) ? [current]
        : table.FindItem(axis, current.Path) is { } match ? [match] : [];
}
