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
        var terms = instance.Left.Terms.Concat(instance.Right.Terms).ToList();
        if (terms.Any(t => t.IsPrevious) && previous is null)
        {
            return new RuleOutcome(RuleStatus.NotApplicable);
        }

        foreach (var term in terms)
        {
            var index = layout.IndexOf(term.Cell);
            var values = term.IsPrevious && previous is not null ? previous : current;
            var state = values.StateOf(index);
            if (state == CellState.Unstated)
            {
                return new RuleOutcome(RuleStatus.NotApplicable);
            }

            if (state != CellState.Present)
            {
                return state == CellState.Omitted
                    ? new RuleOutcome(RuleStatus.NotApplicable)
                    : new RuleOutcome(state == CellState.Missing ? RuleStatus.Missing : RuleStatus.Invalid, Cell: index, CellIsPrevious: term.IsPrevious);
            }
        }

        try
        {
            var left = Evaluate(rule.Left, rule.Table, instance, layout, current, previous);
            var right = Evaluate(rule.Right, rule.Table, instance, layout, current, previous);
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
    }

    private static decimal Evaluate(BoundExpression expression, TableSymbol ruleTable, RuleInstance instance, CellLayout layout, ReportValues current, ReportValues? previous)
    {
        switch (expression)
        {
            case BoundNumber number:
                return number.Value;
            case BoundAmountConversion conversion:
                return Evaluate(conversion.Operand, ruleTable, instance, layout, current, previous);
            case BoundAdditive additive:
                var sum = 0m;
                foreach (var term in additive.Terms)
                {
                    var value = Evaluate(term.Operand, ruleTable, instance, layout, current, previous);
                    sum = term.Sign < 0 ? sum - value : sum + value;
                }

                return sum;
            case BoundCells cells:
                var values = cells.IsPrevious && previous is not null ? previous : current;
                var total = 0m;
                foreach (var row in Items(cells.Table, ruleTable, cells.Rows, instance.Row, Axis.Row))
                {
                    foreach (var column in Items(cells.Table, ruleTable, cells.Columns, instance.Column, Axis.Column))
                    {
                        if (cells.Table.GetCell(row, column) is { } cell)
                        {
                            total += values.NumberOf(layout.IndexOf(cell)) ?? 0m;
                        }
                    }
                }

                return total;
            default:
                return 0m;
        }
    }

    private static IEnumerable<AxisItemSymbol> Items(TableSymbol table, TableSymbol ruleTable, System.Collections.Immutable.ImmutableArray<AxisItemSymbol>? written, AxisItemSymbol? current, Axis axis) =>
        written is { } items ? items
        : current is null ? []
        : ReferenceEquals(table, ruleTable) ? [current]
        : table.FindItem(axis, current.Path) is { } match ? [match] : [];
}
