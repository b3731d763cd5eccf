using System.Globalization;
using ReportDsl.Semantics;

namespace ReportDsl.Evolution;

/// <summary>How a changed rule relates to the rule it replaces, for those whose data it checks.</summary>
public enum RuleStrictness
{
    /// <summary>The two rules accept the same reports (the comparison is only written differently).</summary>
    Equivalent,

    /// <summary>Every report the new rule accepts, the old one accepted: the new rule may refuse reports the old accepted.</summary>
    Stricter,

    /// <summary>Every report the old rule accepted, the new one accepts.</summary>
    Looser,

    /// <summary>Neither is known to imply the other (other cells, another kind of comparison).</summary>
    Incomparable,
}

/// <summary>
/// Classifies a changed rule as stricter, looser, equivalent or incomparable: by the simplex where both rules are
/// plain linear rules (<see cref="LinearRuleImplication"/>), and by a sound syntactic comparison of their concrete
/// comparisons, which also covers conditions, <c>!=</c>, tolerances and non-linear sides. Each instance is read as "where its condition's conjuncts hold, a set of values of
/// (left - right)"; instance A implies instance B when A applies wherever B does (A's conjuncts are among B's) and
/// A's set lies inside B's (same cells; a narrower operator or tolerance). The new rule is stricter when every old
/// instance is implied by some new one, looser when every new instance is implied by some old one. What cannot be
/// proved either way is incomparable, never guessed.
/// </summary>
internal static class RuleComparer
{
    public static RuleStrictness Classify(RuleSymbol old, RuleSymbol @new, IReadOnlyDictionary<string, string> renamedIds)
    {
        var before = old.Expand().Select(i => Read(i, renamedIds)).ToList();
        var after = @new.Expand().Select(i => Read(i, null)).ToList();
        var stricter = before.All(o => after.Any(n => Implies(n, o)));
        var looser = after.All(n => before.Any(o => Implies(o, n)));

        // Comparing instance by instance misses what only several comparisons together imply (x >= y + z implies x >= y
        // over counts); where both rules are plain linear rules, the simplex decides it. Both ways are sound, so either
        // proof counts.
        if (!(stricter && looser) && LinearRuleImplication.Compare(old, @new, renamedIds) is var (newImpliesOld, oldImpliesNew))
        {
            stricter |= newImpliesOld;
            looser |= oldImpliesNew;
        }
        return (stricter, looser) switch
        {
            (true, true) => RuleStrictness.Equivalent,
            (true, false) => RuleStrictness.Stricter,
            (false, true) => RuleStrictness.Looser,
            _ => RuleStrictness.Incomparable,
        };
    }

    /// <summary>
    /// One instance: its condition's conjuncts, and either a linear body (terms, and the values of their sum the rule
    /// accepts) or an opaque body (its text, operator and tolerance), compared only for equality.
    /// </summary>
    private sealed record Reading(HashSet<string> Conjuncts, string Key, Interval[]? Accepted, ComparisonOperator Operator, decimal Tolerance);

    /// <summary>An interval of the real line; a null bound is infinite.</summary>
    private readonly record struct Interval(decimal? Low, bool LowClosed, decimal? High, bool HighClosed)
    {
        public bool Contains(Interval other) =>
            (Low is not { } low || (other.Low is { } ol && (ol > low || (ol == low && (LowClosed || !other.LowClosed)))))
            && (High is not { } high || (other.High is { } oh && (oh < high || (oh == high && (HighClosed || !other.HighClosed)))));

        public Interval Shift(decimal by) => new(Low + by, LowClosed, High + by, HighClosed);

        public Interval Negate() => new(-High, HighClosed, -Low, LowClosed);
    }

    private static Reading Read(RuleInstance instance, IReadOnlyDictionary<string, string>? renamedIds)
    {
        string Cell(LinearTerm t) => (t.IsPrevious ? "previous " : string.Empty) + (renamedIds?.GetValueOrDefault(t.Cell.Id) ?? t.Cell.Id);
        var conjuncts = instance.Condition switch
        {
            null => [],
            InstanceLogical { IsAnd: true } and => and.Operands.Select(o => o.ToString(Cell)).ToHashSet(StringComparer.Ordinal),
            { } single => new HashSet<string>([single.ToString(Cell)], StringComparer.Ordinal),
        };

        // Tolerance applies to comparisons over amounts only; over whole numbers it is ignored, as the validator does.
        var terms = instance.LeftValue.Terms().Concat(instance.RightValue.Terms()).ToList();
        var tolerance = terms.Any(t => !t.Cell.Type.IsWholeNumber) ? instance.Rule.Tolerance ?? 0m : 0m;
        var op = instance.Rule.Operator;
        if (instance.LeftValue is not LinearValue || instance.RightValue is not LinearValue)
        {
            var body = instance.LeftValue.ToString(Cell) + " " + ComparisonOperatorFacts.Symbol(op) + " " + instance.RightValue.ToString(Cell);
            return new Reading(conjuncts, body, null, op, tolerance);
        }

        // left - right as one sum of cells plus a constant, written with the first cell's coefficient positive so that
        // a comparison written the other way round (b <= a for a >= b) reads the same.
        var sum = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (term, sign) in instance.Left.Terms.Select(t => (t, 1)).Concat(instance.Right.Terms.Select(t => (t, -1))))
        {
            var key = Cell(term);
            sum[key] = sum.GetValueOrDefault(key) + (sign * term.Coefficient);
        }

        var nonZero = sum.Where(p => p.Value != 0).ToList();
        var constant = instance.Left.Constant - instance.Right.Constant;
        var accepted = Accepted(op, tolerance);
        var flip = nonZero.Count > 0 && nonZero[0].Value < 0;
        var key2 = string.Join(" ", nonZero.Select(p => (flip ? -p.Value : p.Value).ToString(CultureInfo.InvariantCulture) + "*" + p.Key));

        // The rule accepts (cells + constant) in the set; as a set of the cells' sum alone it is shifted by -constant.
        var intervals = accepted.Select(i => i.Shift(-constant)).Select(i => flip ? i.Negate() : i).ToArray();
        return new Reading(conjuncts, key2, intervals, op, tolerance);
    }

    /// <summary>The values of (left - right) a comparison accepts, with its tolerance as the validator applies it.</summary>
    private static Interval[] Accepted(ComparisonOperator op, decimal t) => op switch
    {
        ComparisonOperator.Equal => [new(-t, true, t, true)],
        ComparisonOperator.NotEqual => [new(null, false, -t, false), new(t, false, null, false)],
        ComparisonOperator.LessThanOrEqual => [new(null, false, t, true)],
        ComparisonOperator.GreaterThanOrEqual => [new(-t, true, null, false)],
        ComparisonOperator.LessThan => [new(null, false, 0m, false)],
        _ => [new(0m, false, null, false)],
    };

    /// <summary>Whether instance <paramref name="a"/> holding implies that <paramref name="b"/> holds.</summary>
    private static bool Implies(Reading a, Reading b)
    {
        if (!a.Conjuncts.IsSubsetOf(b.Conjuncts) || a.Key != b.Key)
        {
            return false;
        }

        if (a.Accepted is { } setA && b.Accepted is { } setB)
        {
            // Each piece of A is connected, so it must lie inside one piece of B.
            return setA.All(piece => setB.Any(other => other.Contains(piece)));
        }

        if (a.Accepted is not null || b.Accepted is not null || a.Operator != b.Operator)
        {
            return false;
        }

        return a.Operator switch
        {
            ComparisonOperator.Equal or ComparisonOperator.LessThanOrEqual or ComparisonOperator.GreaterThanOrEqual => a.Tolerance <= b.Tolerance,
            ComparisonOperator.NotEqual => a.Tolerance >= b.Tolerance,
            _ => true,
        };
    }
}
