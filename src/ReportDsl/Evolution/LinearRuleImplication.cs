using Fractions;
using ReportDsl.Analysis;
using ReportDsl.Semantics;

namespace ReportDsl.Evolution;

/// <summary>
/// Decides between two linear rules, with the exact simplex of <c>check --analyze</c>, whether the comparisons of one
/// imply those of the other: a rule is a set of linear constraints on the cells (with counts never negative), and A
/// implies B when, over every point A admits, each form of B stays within its bounds (the maximum of the form, found
/// exactly over the rationals, is at most the bound; a system with no point implies anything). Over the reals this
/// proves more than it must, never less, so what it proves holds for the whole numbers and decimals cells hold.
/// </summary>
internal static class LinearRuleImplication
{
    // The simplex's work units (tableau entries updated) for one comparison of two rules: a rule of a few hundred
    // comparisons needs far less; past it the answer is "not proved".
    private const long MaxWork = 2_000_000;

    /// <summary>
    /// Whether the new rule's comparisons imply the old one's (it is at least as strict) and the other way round, or
    /// null when either rule is not one the analysis reads exactly: a condition, a product, <c>!=</c>, text cells, or a
    /// tolerance (which the validator ignores over whole numbers, as the analysis does not).
    /// </summary>
    public static (bool NewImpliesOld, bool OldImpliesNew)? Compare(RuleSymbol old, RuleSymbol @new, IReadOnlyDictionary<string, string> renamedIds)
    {
        if (old.Tolerance is not null || @new.Tolerance is not null)
        {
            return null;
        }

        var space = new Space();
        if (space.Read(old, renamedIds) is not { } before || space.Read(@new, null) is not { } after)
        {
            return null;
        }

        var budget = new WorkBudget(MaxWork);
        var newImpliesOld = Implies(space, after, before, budget);
        var oldImpliesNew = Implies(space, before, after, budget);
        return (newImpliesOld, oldImpliesNew);
    }

    /// <summary>One comparison over the shared variables: <c>Σ a·x + c</c> equal to zero, at most zero, or within ±t.</summary>
    private sealed record Form(Dictionary<int, Fraction> Coefficients, Fraction Constant, Relation Relation, Fraction Bound);

    private static bool Implies(Space space, List<Form> premises, List<Form> conclusions, WorkBudget budget)
    {
        var rows = premises.SelectMany(Rows).ToList();
        var nonNegative = space.NonNegative;
        foreach (var form in conclusions)
        {
            // f = Σ a·x + c must stay at most its upper bound, and (for = and ±t) at least its lower bound.
            var negated = form.Coefficients.ToDictionary(p => p.Key, p => -p.Value);
            (Dictionary<int, Fraction> Objective, Fraction Limit)[] checks = form.Relation switch
            {
                Relation.AtMost => [(form.Coefficients, -form.Constant)],
                Relation.Equal => [(form.Coefficients, -form.Constant), (negated, form.Constant)],
                _ => [(form.Coefficients, form.Bound - form.Constant), (negated, form.Bound + form.Constant)],
            };
            foreach (var (objective, limit) in checks)
            {
                var result = Simplex.Maximize(rows, nonNegative, objective, budget);
                var holds = result.Status == LpStatus.Infeasible || (result.Status == LpStatus.Optimal && result.Value <= limit);
                if (!holds || budget.Exhausted)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IEnumerable<LpRow> Rows(Form form) => form.Relation switch
    {
        Relation.Equal => [new LpRow(form.Coefficients, true, -form.Constant)],
        Relation.AtMost => [new LpRow(form.Coefficients, false, -form.Constant)],
        _ =>
        [
            new LpRow(form.Coefficients, false, form.Bound - form.Constant),
            new LpRow(form.Coefficients.ToDictionary(p => p.Key, p => -p.Value), false, form.Bound + form.Constant),
        ],
    };

    /// <summary>The variables both rules share, by cell id (the old rule's cells written as the ids they became).</summary>
    private sealed class Space
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<bool> _nonNegative = [];

        public List<bool> NonNegative => _nonNegative;

        public List<Form>? Read(RuleSymbol rule, IReadOnlyDictionary<string, string>? renamedIds)
        {
            var reader = new LinearRuleReader();
            var reading = reader.Read(rule);
            if (reading.Skipped is not null || reading.Instances.IsEmpty)
            {
                return null;
            }

            var forms = new List<Form>(reading.Instances.Length);
            foreach (var instance in reading.Instances)
            {
                var coefficients = new Dictionary<int, Fraction>();
                foreach (var (number, coefficient) in instance.Coefficients)
                {
                    coefficients[VariableOf(reader.Variables[number], renamedIds)] = coefficient;
                }

                forms.Add(new Form(coefficients, instance.Constant, instance.Relation, instance.Bound));
            }

            return forms;
        }

        private int VariableOf(Variable variable, IReadOnlyDictionary<string, string>? renamedIds)
        {
            var key = (variable.IsPrevious ? "previous " : string.Empty) + (renamedIds?.GetValueOrDefault(variable.Cell.Id) ?? variable.Cell.Id);
            if (!_index.TryGetValue(key, out var number))
            {
                number = _nonNegative.Count;
                _index[key] = number;
                _nonNegative.Add(variable.IsNonNegative);
            }
            else
            {
                // A cell is taken as never negative only when it is a count in both versions.
                _nonNegative[number] &= variable.IsNonNegative;
            }

            return number;
        }
    }
}
