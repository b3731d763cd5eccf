using Fractions;
using ReportDsl.Diagnostics;

namespace ReportDsl.Analysis;

/// <summary>The system of a connected set of rules: feasibility, contradictions, implied rules.</summary>
internal sealed partial class AnalysisRun
{
    // At most this many contradictions are reported per system; each further one is found by removing one rule.
    private const int MaxConflicts = 5;

    private void AnalyseSystem(List<LinearRule> rules)
    {
        var ordered = rules.OrderBy(Priority).ThenBy(r => r.Index).ToList();
        var cells = rules.SelectMany(r => r.Coefficients.Keys).Distinct().Count();
        if (rules.Count > _limits.MaxComparisons || cells > _limits.MaxCells)
        {
            var first = rules[0].Rule;
            Add(DiagnosticCatalog.RuleSystemTooLarge(first.Source, first.NameSpan, DescribeRules(rules), rules.Count, cells, _limits.MaxComparisons, _limits.MaxCells), [], []);
            return;
        }

        var result = Feasibility(ordered);
        if (result.Status == LpStatus.Infeasible)
        {
            FindConflicts(ordered);
        }
        else if (result.Status == LpStatus.Optimal)
        {
            FindImplied(ordered);
        }
    }

    // Each conflict: the rows of a Farkas certificate, made minimal by deleting what is not needed; then the least
    // fundamental of them is set aside and the rest is checked again.
    private void FindConflicts(List<LinearRule> ordered)
    {
        var remaining = new List<LinearRule>(ordered);
        for (var found = 0; found < MaxConflicts; found++)
        {
            var rows = new List<LinearRule>();
            var result = Simplex.Feasibility(Rows(remaining, rows, null), NonNegative(remaining), _budget);
            if (result.Status != LpStatus.Infeasible)
            {
                return;
            }

            var core = result.Support.Select(i => rows[i]).Distinct().OrderBy(remaining.IndexOf).ToList();
            if (core.Count == 0)
            {
                core = [.. remaining];
            }

            for (var i = core.Count - 1; i >= 0 && core.Count > 1; i--)
            {
                var without = core.Where((_, k) => k != i).ToList();
                var test = Feasibility(without);
                if (test.Status == LpStatus.OutOfSteps)
                {
                    return;
                }

                if (test.Status == LpStatus.Infeasible)
                {
                    core = without;
                }
            }

            var first = core.MinBy(r => r.Index) ?? core[0];
            Add(DiagnosticCatalog.ContradictoryRules(first.Rule.Source, first.Rule.NameSpan, string.Join(", ", core.OrderBy(r => r.Index).Select(r => r.Name)), CellList(CellsOf(core).Select(c => c.Id).ToList())),
                core.OrderBy(r => r.Index).Select(r => new InvolvedRule(r.Rule, r.Name, RuleRole.Conflicting)),
                CellsOf(core));
            remaining.Remove(core[^1]);
        }
    }

    // Equalities first, by elimination in priority order: one implied by those before it is reported with the only
    // combination of them that gives it. Then, where the system has inequalities (which can imply anything), each
    // remaining instance, least fundamental first, is checked by linear programs over all the others still kept.
    private void FindImplied(List<LinearRule> ordered)
    {
        var kept = new List<LinearRule>(ordered);
        var basis = new EqualityBasis(_budget);
        var byIndex = ordered.ToDictionary(r => r.Index);
        foreach (var rule in ordered.Where(r => r.Relation == Relation.Equal))
        {
            if (basis.Add(rule.Index, rule.Coefficients, rule.Constant) is { } support)
            {
                ReportImplied(rule, support.Select(i => byIndex[i]).ToList());
                kept.Remove(rule);
            }
        }

        // Equalities that together fix a whole-number cell at a fraction can never hold together, although the system
        // has rational solutions (the simplex works over the rationals).
        // One finding per set of equalities, naming every cell they fix at a fraction.
        var fractions = basis.FixedVariables()
            .Where(f => _reader.Variables[f.Variable].Cell.Type.IsWholeNumber && !f.Value.Reduce().Denominator.IsOne && f.Equalities.Length > 1)
            .GroupBy(f => string.Join(",", f.Equalities));
        foreach (var group in fractions)
        {
            var rules = group.First().Equalities.Select(i => byIndex[i]).ToList();
            var first = rules[0];
            var fixedCells = string.Join(", ", group.Select(f => _reader.Variables[f.Variable] + " = " + f.Value.Reduce()));
            Add(DiagnosticCatalog.RulesForceFraction(first.Rule.Source, first.Rule.NameSpan, string.Join(", ", rules.Select(r => r.Name)), fixedCells),
                rules.Select(r => new InvolvedRule(r.Rule, r.Name, RuleRole.Conflicting)),
                CellsOf(rules));
        }

        if (kept.All(r => r.Relation == Relation.Equal))
        {
            return;
        }

        for (var i = kept.Count - 1; i >= 0 && !_budget.Exhausted; i--)
        {
            var rule = kept[i];
            var others = kept.Where((_, k) => k != i).ToList();
            if (Implies(others, rule) is { Count: > 0 } support)
            {
                ReportImplied(rule, support);
                kept.RemoveAt(i);
            }
        }
    }

    // The instances of "others" that bound f within what the rule allows, or null when they do not.
    private List<LinearRule>? Implies(List<LinearRule> others, LinearRule rule)
    {
        var support = new HashSet<LinearRule>();
        var negated = rule.Coefficients.ToDictionary(p => p.Key, p => -p.Value);
        var checks = rule.Relation switch
        {
            Relation.AtMost => [(rule.Coefficients, -rule.Constant)],
            Relation.Equal => new[] { (rule.Coefficients, -rule.Constant), ((IReadOnlyDictionary<int, Fraction>)negated, rule.Constant) },
            _ => [(rule.Coefficients, rule.Bound - rule.Constant), (negated, rule.Bound + rule.Constant)],
        };
        foreach (var (objective, limit) in checks)
        {
            var rows = new List<LinearRule>();
            var local = LocalVariables(others.Append(rule));
            var lpRows = Rows(others, rows, local);
            var result = Simplex.Maximize(lpRows, NonNegative(local), objective.ToDictionary(p => local.IndexOf(p.Key), p => p.Value), _budget);
            if (result.Status != LpStatus.Optimal || result.Value > limit)
            {
                return null;
            }

            support.UnionWith(result.Support.Select(i => rows[i]));
        }

        return [.. support.OrderBy(r => r.Index)];
    }

    private void ReportImplied(LinearRule rule, List<LinearRule> support)
    {
        if (support.Count > 0)
        {
            _implied.Add((rule, support));
        }
    }

    // One finding per rule: its implied instances (from every system) and everything that implies one of them, so
    // that a rule implied at each of its rows is one line, not one per row.
    private void ReportAllImplied()
    {
        foreach (var group in _implied.GroupBy(i => i.Subject.Rule).OrderBy(g => g.Min(i => i.Subject.Index)))
        {
            var subjects = group.Select(i => i.Subject).OrderBy(r => r.Index).ToList();
            var support = group.SelectMany(i => i.Support).Distinct().OrderBy(r => r.Index).ToList();
            var rule = group.Key;
            Add(DiagnosticCatalog.ImpliedRule(rule.Source, rule.NameSpan, Describe(subjects), Describe(support)),
                subjects.Select(s => new InvolvedRule(rule, s.Name, RuleRole.Subject)).Concat(support.Select(s => new InvolvedRule(s.Rule, s.Name, RuleRole.Implying))),
                CellsOf(subjects));
        }
    }

    private LpResult Feasibility(List<LinearRule> rules) => Simplex.Feasibility(Rows(rules, [], null), NonNegative(LocalVariables(rules)), _budget);

    // The rows of the rules over variables numbered locally (in the order LocalVariables gives), each row's rule in
    // "owners": an equality with a tolerance is two rows.
    private static List<LpRow> Rows(List<LinearRule> rules, List<LinearRule> owners, List<int>? variables)
    {
        var local = variables ?? LocalVariables(rules);
        var number = new Dictionary<int, int>(local.Count);
        for (var i = 0; i < local.Count; i++)
        {
            number[local[i]] = i;
        }

        var rows = new List<LpRow>();
        foreach (var rule in rules)
        {
            var coefficients = rule.Coefficients.ToDictionary(p => number[p.Key], p => p.Value);
            switch (rule.Relation)
            {
                case Relation.Equal:
                    rows.Add(new LpRow(coefficients, true, -rule.Constant));
                    owners.Add(rule);
                    break;
                case Relation.AtMost:
                    rows.Add(new LpRow(coefficients, false, -rule.Constant));
                    owners.Add(rule);
                    break;
                default:
                    rows.Add(new LpRow(coefficients, false, rule.Bound - rule.Constant));
                    rows.Add(new LpRow(coefficients.ToDictionary(p => p.Key, p => -p.Value), false, rule.Bound + rule.Constant));
                    owners.Add(rule);
                    owners.Add(rule);
                    break;
            }
        }

        return rows;
    }

    // Every variable of the rules, in ascending order, so that the numbering is the same for any superset's prefix.
    private static List<int> LocalVariables(IEnumerable<LinearRule> rules) => [.. rules.SelectMany(r => r.Coefficients.Keys).Distinct().Order()];

    private List<bool> NonNegative(List<LinearRule> rules) => NonNegative(LocalVariables(rules));

    private List<bool> NonNegative(List<int> variables) => [.. variables.Select(v => _reader.Variables[v].IsNonNegative)];
}
