using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ReportDsl.Semantics;

/// <summary>
/// One side of a rule instance that is not linear (or a part of a condition), over concrete cells: linear parts stay
/// <see cref="LinearCombination"/>s, the rest is a tree of operators and functions. Evaluated in <see cref="decimal"/>.
/// </summary>
public abstract record InstanceValue
{
    /// <summary>Gets the cells the value reads, in the order they are written.</summary>
    public abstract IEnumerable<LinearTerm> Terms();

    /// <summary>Gets the divisors, in the order they are evaluated.</summary>
    public abstract IEnumerable<InstanceValue> Divisors();

    /// <summary>Writes the value with each cell written by <paramref name="cell"/>.</summary>
    public abstract string ToString(Func<LinearTerm, string> cell);

    /// <summary>Writes the value with cell identifiers.</summary>
    public override string ToString() => ToString(t => (t.IsPrevious ? "previous " : string.Empty) + t.Cell.Id);

    /// <summary>Reduces a bound expression at a quantified row and column: linear parts to combinations, the rest to a tree.</summary>
    public static InstanceValue From(BoundExpression expression, TableSymbol ruleTable, AxisItemSymbol? row, AxisItemSymbol? column)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (BoundFacts.IsLinear(expression))
        {
            return new LinearValue(LinearCombination.From(expression, ruleTable, row, column));
        }

        switch (expression)
        {
            case BoundPresence presence:
                var cells = presence.Cells is { } reference
                    ? LinearCombination.From(reference, ruleTable, row, column).Terms
                    : [.. presence.FixedCells.Select(c => new LinearTerm(c, 1, IsPrevious: false))];
                return new PresenceValue(presence.Text, cells, presence.Target);
            case BoundAmountConversion conversion:
                return From(conversion.Operand, ruleTable, row, column);
            case BoundNegation negation:
                return new NegatedValue(From(negation.Operand, ruleTable, row, column));
            case BoundBinary binary:
                return new ArithmeticValue(binary.Operator, From(binary.Left, ruleTable, row, column), From(binary.Right, ruleTable, row, column));
            case BoundFunction function:
                return new FunctionValue(function.Function, [.. function.Arguments.Select(a => From(a, ruleTable, row, column))], function.Digits);
            case BoundAdditive additive:
                InstanceValue? result = null;
                foreach (var term in additive.Terms)
                {
                    var operand = From(term.Operand, ruleTable, row, column);
                    result = result is null
                        ? term.Sign < 0 ? new NegatedValue(operand) : operand
                        : new ArithmeticValue(term.Sign < 0 ? ArithmeticOperator.Subtract : ArithmeticOperator.Add, result, operand);
                }

                return result ?? new LinearValue(new LinearCombination([], 0m));
            default:
                return new LinearValue(new LinearCombination([], 0m));
        }
    }
}

/// <summary>A linear part: cells with coefficients plus a constant.</summary>
public sealed record LinearValue(LinearCombination Combination) : InstanceValue
{
    /// <inheritdoc/>
    public override IEnumerable<LinearTerm> Terms() => Combination.Terms;

    /// <inheritdoc/>
    public override IEnumerable<InstanceValue> Divisors() => [];

    /// <inheritdoc/>
    public override string ToString(Func<LinearTerm, string> cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var builder = new StringBuilder();
        foreach (var term in Combination.Terms)
        {
            builder.Append(builder.Length == 0 ? (term.Coefficient < 0 ? "-" : string.Empty) : term.Coefficient < 0 ? " - " : " + ");
            if (Math.Abs(term.Coefficient) != 1)
            {
                builder.Append(Math.Abs(term.Coefficient).ToString(CultureInfo.InvariantCulture)).Append('*');
            }

            builder.Append(cell(term));
        }

        if (Combination.Constant != 0 || builder.Length == 0)
        {
            builder.Append(builder.Length == 0 ? string.Empty : Combination.Constant < 0 ? " - " : " + ")
                .Append((builder.Length == 0 ? Combination.Constant : Math.Abs(Combination.Constant)).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Gets whether the combination is written with more than one part, and needs parentheses inside an operator.</summary>
    internal bool IsCompound => Combination.Terms.Length + (Combination.Constant != 0 ? 1 : 0) > 1 || Combination.Terms.Any(t => t.Coefficient < 0);
}

/// <summary><c>-x</c>.</summary>
public sealed record NegatedValue(InstanceValue Operand) : InstanceValue
{
    /// <inheritdoc/>
    public override IEnumerable<LinearTerm> Terms() => Operand.Terms();

    /// <inheritdoc/>
    public override IEnumerable<InstanceValue> Divisors() => Operand.Divisors();

    /// <inheritdoc/>
    public override string ToString(Func<LinearTerm, string> cell) =>
        Operand is LinearValue { IsCompound: true } ? "-(" + Operand.ToString(cell) + ")" : "-" + Operand.ToString(cell);
}

/// <summary>Two values combined with an arithmetic operator.</summary>
public sealed record ArithmeticValue(ArithmeticOperator Operator, InstanceValue Left, InstanceValue Right) : InstanceValue
{
    /// <inheritdoc/>
    public override IEnumerable<LinearTerm> Terms() => Left.Terms().Concat(Right.Terms());

    /// <inheritdoc/>
    public override IEnumerable<InstanceValue> Divisors() =>
        Operator == ArithmeticOperator.Divide ? Left.Divisors().Concat(Right.Divisors()).Append(Right) : Left.Divisors().Concat(Right.Divisors());

    /// <inheritdoc/>
    public override string ToString(Func<LinearTerm, string> cell) =>
        "(" + Operand(Left, cell) + " " + Symbol(Operator) + " " + Operand(Right, cell) + ")";

    private static string Operand(InstanceValue value, Func<LinearTerm, string> cell) =>
        value is LinearValue { IsCompound: true } ? "(" + value.ToString(cell) + ")" : value.ToString(cell);

    /// <summary>Gets how an operator is written.</summary>
    public static string Symbol(ArithmeticOperator op) => op switch
    {
        ArithmeticOperator.Add => "+",
        ArithmeticOperator.Subtract => "-",
        ArithmeticOperator.Multiply => "*",
        _ => "/",
    };
}

/// <summary>A function applied to values.</summary>
public sealed record FunctionValue(RuleFunction Function, ImmutableArray<InstanceValue> Arguments, int Digits) : InstanceValue
{
    /// <inheritdoc/>
    public override IEnumerable<LinearTerm> Terms() => Arguments.SelectMany(a => a.Terms());

    /// <inheritdoc/>
    public override IEnumerable<InstanceValue> Divisors() => Arguments.SelectMany(a => a.Divisors());

    /// <inheritdoc/>
    public override string ToString(Func<LinearTerm, string> cell)
    {
        var arguments = string.Join(", ", Arguments.Select(a => a.ToString(cell)));
        if (Function == RuleFunction.Round && Digits != 0)
        {
            arguments += ", " + Digits.ToString(CultureInfo.InvariantCulture);
        }

        return Name(Function) + "(" + arguments + ")";
    }

    /// <summary>Gets how a function is written.</summary>
    public static string Name(RuleFunction function) => function switch
    {
        RuleFunction.Abs => "abs",
        RuleFunction.Round => "round",
        RuleFunction.Min => "min",
        _ => "max",
    };
}

/// <summary>A condition of a rule instance over concrete cells.</summary>
public abstract record InstanceCondition
{
    /// <summary>Gets the cells the condition reads, in the order they are written.</summary>
    public abstract IEnumerable<LinearTerm> Terms();

    /// <summary>Gets the divisors, in the order they are evaluated.</summary>
    public abstract IEnumerable<InstanceValue> Divisors();

    /// <summary>Writes the condition with each cell written by <paramref name="cell"/>.</summary>
    public abstract string ToString(Func<LinearTerm, string> cell);

    /// <summary>Writes the condition with cell identifiers.</summary>
    public override string ToString() => ToString(t => (t.IsPrevious ? "previous " : string.Empty) + t.Cell.Id);

    /// <summary>Reduces a bound condition at a quantified row and column.</summary>
    public static InstanceCondition From(BoundCondition condition, TableSymbol ruleTable, AxisItemSymbol? row, AxisItemSymbol? column) => condition switch
    {
        BoundComparison comparison => new InstanceComparison(
            InstanceValue.From(comparison.Left, ruleTable, row, column), comparison.Operator, InstanceValue.From(comparison.Right, ruleTable, row, column)),
        BoundLogical logical => new InstanceLogical(logical.IsAnd, [.. logical.Operands.Select(o => From(o, ruleTable, row, column))]),
        BoundNot not => new InstanceNot(From(not.Operand, ruleTable, row, column)),
        BoundValueTest test => InstanceValueTest.From(test, ruleTable, row, column),
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };
}

/// <summary>A comparison in a condition.</summary>
public sealed record InstanceComparison(InstanceValue Left, ComparisonOperator Operator, InstanceValue Right) : InstanceCondition
{
    /// <inheritdoc/>
    public override IEnumerable<LinearTerm> Terms() => Left.Terms().Concat(Right.Terms());

    /// <inheritdoc/>
    public override IEnumerable<InstanceValue> Divisors() => Left.Divisors().Concat(Right.Divisors());

    /// <inheritdoc/>
    public override string ToString(Func<LinearTerm, string> cell) =>
        Left.ToString(cell) + " " + ComparisonOperatorFacts.Symbol(Operator) + " " + Right.ToString(cell);
}

/// <summary>Conditions joined by <c>and</c> or <c>or</c>, evaluated left to right, stopping once the answer is known.</summary>
public sealed record InstanceLogical(bool IsAnd, ImmutableArray<InstanceCondition> Operands) : InstanceCondition
{
    /// <inheritdoc/>
    public override IEnumerable<LinearTerm> Terms() => Operands.SelectMany(o => o.Terms());

    /// <inheritdoc/>
    public override IEnumerable<InstanceValue> Divisors() => Operands.SelectMany(o => o.Divisors());

    /// <inheritdoc/>
    public override string ToString(Func<LinearTerm, string> cell) =>
        "(" + string.Join(IsAnd ? " and " : " or ", Operands.Select(o => o.ToString(cell))) + ")";
}

/// <summary>
/// A text, date, boolean or enum cell compared with a written value (<see cref="Literal"/>) or with another cell of its
/// type (<see cref="Other"/>), as <see cref="BoundValueTest"/> says.
/// </summary>
public sealed record InstanceValueTest(LinearTerm Cell, ComparisonOperator Operator, LinearTerm? Other, string? Literal, CellTypeKind Kind) : InstanceCondition
{
    /// <inheritdoc/>
    public override IEnumerable<LinearTerm> Terms() => Other is { } other ? [Cell, other] : [Cell];

    /// <inheritdoc/>
    public override IEnumerable<InstanceValue> Divisors() => [];

    /// <inheritdoc/>
    public override string ToString(Func<LinearTerm, string> cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell(Cell) + " " + ComparisonOperatorFacts.Symbol(Operator) + " " + (Other is { } other ? cell(other) : Quote(Literal ?? string.Empty));
    }

    /// <summary>Writes a value as a string of the language.</summary>
    internal static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Reduces a bound test at a quantified row and column. A reference to another table whose item does not match names
    /// no cell; binding reports that, and the test is then one that never holds.
    /// </summary>
    internal static InstanceCondition From(BoundValueTest test, TableSymbol ruleTable, AxisItemSymbol? row, AxisItemSymbol? column)
    {
        var cell = LinearCombination.From(test.Cell, ruleTable, row, column).Terms.FirstOrDefault();
        var other = test.Other is { } reference ? LinearCombination.From(reference, ruleTable, row, column).Terms.FirstOrDefault() : null;
        return cell is null || (test.Other is not null && other is null)
            ? new InstanceLogical(IsAnd: false, [])
            : new InstanceValueTest(cell, test.Operator, other, test.Literal, test.Kind);
    }
}

/// <summary><c>not condition</c>.</summary>
public sealed record InstanceNot(InstanceCondition Operand) : InstanceCondition
{
    /// <inheritdoc/>
    public override IEnumerable<LinearTerm> Terms() => Operand.Terms();

    /// <inheritdoc/>
    public override IEnumerable<InstanceValue> Divisors() => Operand.Divisors();

    /// <inheritdoc/>
    public override string ToString(Func<LinearTerm, string> cell) => "not " + Operand.ToString(cell);
}

/// <summary>
/// <c>present target</c> at one instance: 1 when present, 0 when not. A report states the target when the data gives the
/// section's text (<see cref="Text"/>, null for cells) and, when there are <see cref="Cells"/>, when one of them has a
/// value written in the report (a default is none). It reads no cell as an operand: <see cref="Terms"/> is empty, so a
/// blank target is the rule's finding, never a rule not checked.
/// </summary>
public sealed record PresenceValue(SectionSymbol? Text, ImmutableArray<LinearTerm> Cells, string Target) : InstanceValue
{
    /// <inheritdoc/>
    public override IEnumerable<LinearTerm> Terms() => [];

    /// <inheritdoc/>
    public override IEnumerable<InstanceValue> Divisors() => [];

    /// <inheritdoc/>
    public override string ToString(Func<LinearTerm, string> cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return "present(" + (Cells.Length == 1 ? cell(Cells[0]) : Target) + ")";
    }

    /// <summary>Writes the target with cell identifiers, as the model dump and the emitted code's comments show it.</summary>
    public override string ToString() => ToString(t => t.Cell.Id);
}
