using System.Collections.Immutable;
using System.Numerics;
using Fractions;
using ReportDsl.Semantics;

namespace ReportDsl.Analysis;

/// <summary>Why a rule was left out of the analysis; each is a message resource <c>AnalysisSkip_*</c>.</summary>
internal enum SkipReason
{
    /// <summary>The rule's expressions are more than sums of cells and numbers.</summary>
    NotLinear,

    /// <summary>A cell of the rule has a type the analysis has no values for.</summary>
    CellType,

    /// <summary>An existence rule (<c>present</c>): it asks whether values are there, not what they are.</summary>
    Presence,

    /// <summary><c>!=</c>: the values it allows are not one convex region, so it is checked on its own only.</summary>
    NotEqual,
}

/// <summary>What the reader made of one rule: its linear instances, or why it has none.</summary>
internal sealed record RuleReading(RuleSymbol Rule, ImmutableArray<LinearRule> Instances, SkipReason? Skipped);

/// <summary>
/// The narrow door between the bound model and the analysis: a rule comes in, and goes out as linear instances over
/// numbered variables, or as skipped with a reason. Everything the analysis assumes about rules is checked here, so a
/// rule of a kind it does not know (a product, a condition) is skipped and said to be, never misread.
/// </summary>
internal sealed class LinearRuleReader
{
    private readonly Dictionary<Variable, int> _index = [];
    private readonly List<Variable> _variables = [];
    private int _instances;

    /// <summary>Gets the variables numbered so far, by number.</summary>
    public IReadOnlyList<Variable> Variables => _variables;

    /// <summary>Reads one rule.</summary>
    public RuleReading Read(RuleSymbol rule)
    {
        if (rule.IsPresence)
        {
            return new RuleReading(rule, [], SkipReason.Presence);
        }

        // A rule with "when" holds only where its condition does, so it is no equation of the system: left out as well.
        if (!rule.IsLinear || rule.Condition is not null || !IsLinear(rule.Left) || !IsLinear(rule.Right))
        {
            return new RuleReading(rule, [], SkipReason.NotLinear);
        }

        var expanded = rule.Expand().ToList();
        if (expanded.SelectMany(i => i.Left.Terms.Concat(i.Right.Terms)).Any(t => t.Cell.Type.Kind is not (CellTypeKind.Count or CellTypeKind.Integer or CellTypeKind.Amount)))
        {
            return new RuleReading(rule, [], SkipReason.CellType);
        }

        var instances = ImmutableArray.CreateBuilder<LinearRule>(expanded.Count);
        foreach (var instance in expanded)
        {
            instances.Add(Convert(instance));
        }

        return new RuleReading(rule, instances.MoveToImmutable(), rule.Operator == ComparisonOperator.NotEqual ? SkipReason.NotEqual : null);
    }

    /// <summary>Gets the cells a rule refers to, whether or not it could be read.</summary>
    public static IEnumerable<CellSymbol> CellsOf(RuleSymbol rule) =>
        rule.Expand().SelectMany(i => i.Left.Terms.Concat(i.Right.Terms)).Where(t => !t.IsPrevious).Select(t => t.Cell);

    /// <summary>Names an instance: the rule code, and the quantified items in brackets.</summary>
    public static string NameOf(RuleInstance instance)
    {
        var parts = new List<string>(2);
        if (instance.Row is { } row)
        {
            parts.Add("row=" + row.Path);
        }

        if (instance.Column is { } column)
        {
            parts.Add("column=" + column.Path);
        }

        return parts.Count == 0 ? instance.Rule.Code : $"{instance.Rule.Code}[{string.Join(", ", parts)}]";
    }

    // Only the nodes whose linear reading LinearCombination gives exactly; anything else (added to the language later)
    // makes the rule one the analysis skips.
    private static bool IsLinear(BoundExpression expression) => expression switch
    {
        BoundNumber or BoundCells => true,
        BoundAmountConversion conversion => IsLinear(conversion.Operand),
        BoundAdditive additive => additive.Terms.All(t => IsLinear(t.Operand)),
        _ => false,
    };

    private LinearRule Convert(RuleInstance instance)
    {
        var rule = instance.Rule;
        var coefficients = new SortedDictionary<int, Fraction>();
        Add(instance.Left, 1);
        Add(instance.Right, -1);
        var constant = new Fraction(instance.Left.Constant) - new Fraction(instance.Right.Constant);

        // Every value a cell can take is a multiple of 10^-precision, and so is every constant of the rule; so is f, and
        // a strict comparison f < 0 is exactly f <= -step, a tolerance t exactly the largest multiple of step within t.
        var scale = instance.Left.Terms.Concat(instance.Right.Terms).Select(t => t.Cell.Type.Kind == CellTypeKind.Amount ? t.Cell.Type.Precision : 0)
            .Append(Scale(instance.Left.Constant)).Append(Scale(instance.Right.Constant)).Max();
        var step = new Fraction(BigInteger.One, BigInteger.Pow(10, scale));
        var tolerance = rule.Tolerance is { } t ? Floor(new Fraction(Math.Abs(t)), step) : Fraction.Zero;
        var name = NameOf(instance);
        var index = _instances++;
        var negated = coefficients.ToImmutableSortedDictionary(p => p.Key, p => -p.Value);
        var positive = coefficients.ToImmutableSortedDictionary();
        return rule.Operator switch
        {
            ComparisonOperator.Equal when tolerance.IsZero => new LinearRule(index, instance, name, positive, constant, Relation.Equal, Fraction.Zero),
            ComparisonOperator.Equal => new LinearRule(index, instance, name, positive, constant, Relation.Within, tolerance),
            ComparisonOperator.NotEqual => new LinearRule(index, instance, name, positive, constant, Relation.NotEqual, tolerance),
            ComparisonOperator.LessThanOrEqual => new LinearRule(index, instance, name, positive, constant - tolerance, Relation.AtMost, Fraction.Zero),
            ComparisonOperator.LessThan => new LinearRule(index, instance, name, positive, constant + step, Relation.AtMost, Fraction.Zero),
            ComparisonOperator.GreaterThanOrEqual => new LinearRule(index, instance, name, negated, -constant - tolerance, Relation.AtMost, Fraction.Zero),
            _ => new LinearRule(index, instance, name, negated, -constant + step, Relation.AtMost, Fraction.Zero),
        };

        void Add(LinearCombination side, int sign)
        {
            foreach (var term in side.Terms)
            {
                var variable = VariableOf(new Variable(term.Cell, term.IsPrevious));
                var sum = coefficients.GetValueOrDefault(variable, Fraction.Zero) + new Fraction(sign * term.Coefficient);
                if (sum.IsZero)
                {
                    coefficients.Remove(variable);
                }
                else
                {
                    coefficients[variable] = sum;
                }
            }
        }
    }

    private int VariableOf(Variable variable)
    {
        if (!_index.TryGetValue(variable, out var number))
        {
            number = _variables.Count;
            _index[variable] = number;
            _variables.Add(variable);
        }

        return number;
    }

    private static int Scale(decimal value) => value.Scale;

    private static Fraction Floor(Fraction value, Fraction step)
    {
        var steps = value / step;
        return new Fraction(BigInteger.Divide(steps.Numerator, steps.Denominator)) * step;
    }
}
