using System.Collections.Immutable;
using System.Globalization;
using Fractions;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;

namespace ReportDsl.Analysis;

/// <summary>
/// Analyses a format's rules as one system of linear comparisons over its cells (counts at or above zero, integers and
/// amounts of either sign): rules that never or always hold, rules that contradict each other, rules implied by others,
/// sums that count a total twice, and cells no rule constrains (docs/analysis.md). Exact arithmetic throughout.
/// </summary>
internal static class RuleSetAnalyzer
{
    /// <summary>Analyses a format of a compilation without errors.</summary>
    public static ImmutableArray<AnalysisFinding> Analyze(FormatSymbol format, AnalysisLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new AnalysisRun(format, limits ?? AnalysisLimits.Default).Run();
    }

    /// <summary>Analyses every format of a compilation; a format whose file has errors gets RD7011 instead.</summary>
    public static ImmutableArray<AnalysisFinding> Analyze(Compilation compilation, AnalysisLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        var withErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var findings = new List<AnalysisFinding>();

        // A format that extends another has its tables and rules: what the analysis says of them, at the same place
        // in the same words, is said once, not once for each format that has them.
        var said = new HashSet<(string, int, int, string, string)>();
        foreach (var format in compilation.Formats)
        {
            if (withErrors.Contains(format.Source.Path))
            {
                findings.Add(new AnalysisFinding(DiagnosticCatalog.FormatNotAnalysed(format.Source, format.NameSpan, $"{format.Name} {format.Version}"), [], []));
                continue;
            }

            findings.AddRange(Analyze(format, limits).Where(f =>
                said.Add((f.Diagnostic.Path, f.Diagnostic.Span.Start, f.Diagnostic.Span.Length, f.Diagnostic.Code, f.Diagnostic.GetMessage(CultureInfo.InvariantCulture)))));
        }

        return [.. findings.OrderBy(f => f.Diagnostic)];
    }
}

/// <summary>One analysis of one format: the state shared by its steps.</summary>
internal sealed partial class AnalysisRun
{
    private readonly FormatSymbol _format;
    private readonly AnalysisLimits _limits;
    private readonly WorkBudget _budget;
    private readonly LinearRuleReader _reader = new();
    private readonly List<AnalysisFinding> _findings = [];
    private readonly Dictionary<RuleSymbol, int> _instanceCounts = [];
    private readonly Dictionary<CellSymbol, List<TotalDefinition>> _totals = [];
    private readonly List<(LinearRule Subject, List<LinearRule> Support)> _implied = [];
    private List<RuleReading> _readings = [];

    public AnalysisRun(FormatSymbol format, AnalysisLimits limits)
    {
        _format = format;
        _limits = limits;
        _budget = new WorkBudget(limits.MaxWork);
    }

    public ImmutableArray<AnalysisFinding> Run()
    {
        _readings = [.. _format.Rules.Select(_reader.Read)];
        foreach (var reading in _readings)
        {
            _instanceCounts[reading.Rule] = reading.Instances.Length;
            if (reading.Skipped is { } reason)
            {
                Add(DiagnosticCatalog.RuleNotAnalysed(reading.Rule.Source, reading.Rule.NameSpan, reading.Rule.Code, "AnalysisSkip_" + reason),
                    [new InvolvedRule(reading.Rule, reading.Rule.Code, RuleRole.Subject)],
                    LinearRuleReader.CellsOf(reading.Rule).Distinct());
            }
        }

        FindTotals();
        var active = CheckEachAlone();
        FindDoubleCounting();
        foreach (var component in Components(active))
        {
            if (_budget.Exhausted)
            {
                break;
            }

            AnalyseSystem(component);
        }

        ReportAllImplied();

        if (_budget.Exhausted)
        {
            Add(DiagnosticCatalog.AnalysisStepLimit(_format.Source, _format.NameSpan, $"{_format.Name} {_format.Version}", _limits.MaxWork), [], []);
        }

        FindUnconstrainedCells();
        return [.. _findings.OrderBy(f => f.Diagnostic)];
    }

    // Each instance against the types of its cells alone: min and max of f are c, or unbounded, so no program is needed.
    private List<LinearRule> CheckEachAlone()
    {
        var active = new List<LinearRule>();
        foreach (var reading in _readings)
        {
            var never = new List<LinearRule>();
            var always = new List<LinearRule>();
            var neverWhole = new List<LinearRule>();
            foreach (var rule in reading.Instances)
            {
                var (min, max) = Range(rule);
                var t = rule.Bound;
                var (isNever, isAlways) = rule.Relation switch
                {
                    Relation.Equal => (Above(min, Fraction.Zero) || Below(max, Fraction.Zero), rule.Coefficients.Count == 0 && rule.Constant.IsZero),
                    Relation.AtMost => (Above(min, Fraction.Zero), max is { } m && !m.IsPositive),
                    Relation.Within => (Above(min, t) || Below(max, -t), min is { } lo && max is { } hi && lo >= -t && hi <= t),
                    _ => (min is { } a && max is { } b && a >= -t && b <= t, Above(min, t) || Below(max, -t)),
                };
                if (isNever)
                {
                    never.Add(rule);
                }
                else if (isAlways)
                {
                    always.Add(rule);
                }
                else if (WholeStep(rule) is { } step && !ReachesWhole(rule, step))
                {
                    neverWhole.Add(rule);
                }
                else if (reading.Skipped is null)
                {
                    active.Add(rule);
                }
            }

            ReportAlone(never, DiagnosticCatalog.RuleNeverHolds);
            ReportAlone(always, DiagnosticCatalog.RuleAlwaysHolds);
            if (neverWhole.Count > 0)
            {
                var first = neverWhole[0];
                Add(DiagnosticCatalog.RuleNeverHoldsInWholeNumbers(first.Rule.Source, first.Rule.NameSpan, Describe(neverWhole), first.Text, WholeStep(first)?.ToString() ?? "1"),
                    [.. neverWhole.Select(i => new InvolvedRule(first.Rule, i.Name, RuleRole.Subject))],
                    CellsOf(neverWhole));
            }
        }

        return active;

        static bool Above(Fraction? value, Fraction bound) => value is { } v && v > bound;

        static bool Below(Fraction? value, Fraction bound) => value is { } v && v < bound;
    }

    private void ReportAlone(List<LinearRule> instances, Func<Text.SourceText, Text.TextSpan, string, string, Diagnostic> make)
    {
        if (instances.Count == 0)
        {
            return;
        }

        var rule = instances[0].Rule;
        Add(make(rule.Source, rule.NameSpan, Describe(instances), instances[0].Text),
            [.. instances.Select(i => new InvolvedRule(rule, i.Name, RuleRole.Subject))],
            CellsOf(instances));
    }

    // When every cell of an equality is a whole number and every coefficient whole, Σ a·x takes exactly the multiples of
    // the coefficients' greatest common divisor (null otherwise): "x + x = 1" on a count can never hold.
    private System.Numerics.BigInteger? WholeStep(LinearRule rule)
    {
        if (rule.Relation is not (Relation.Equal or Relation.Within) || rule.Coefficients.Count == 0)
        {
            return null;
        }

        var step = System.Numerics.BigInteger.Zero;
        foreach (var (variable, coefficient) in rule.Coefficients)
        {
            var reduced = coefficient.Reduce();
            if (!_reader.Variables[variable].Cell.Type.IsWholeNumber || !reduced.Denominator.IsOne)
            {
                return null;
            }

            step = System.Numerics.BigInteger.GreatestCommonDivisor(step, reduced.Numerator);
        }

        return step;
    }

    // Whether some multiple m of the step has |m + c| <= t (t = 0 for an equality without a tolerance).
    private static bool ReachesWhole(LinearRule rule, System.Numerics.BigInteger step)
    {
        var low = ((-rule.Bound - rule.Constant) / step).Reduce();
        var high = ((rule.Bound - rule.Constant) / step).Reduce();
        return Ceiling(low) <= Floor(high);

        static System.Numerics.BigInteger Floor(Fraction value) =>
            System.Numerics.BigInteger.Divide(value.Numerator, value.Denominator) - (value.IsNegative && !System.Numerics.BigInteger.Remainder(value.Numerator, value.Denominator).IsZero ? 1 : 0);

        static System.Numerics.BigInteger Ceiling(Fraction value) => -Floor(-value);
    }

    // The least and greatest value of f when each cell may take any value of its type (null: unbounded).
    private (Fraction? Min, Fraction? Max) Range(LinearRule rule)
    {
        bool lowUnbounded = false, highUnbounded = false;
        foreach (var (variable, coefficient) in rule.Coefficients)
        {
            var nonNegative = _reader.Variables[variable].IsNonNegative;
            lowUnbounded |= !nonNegative || coefficient.IsNegative;
            highUnbounded |= !nonNegative || coefficient.IsPositive;
        }

        return (lowUnbounded ? null : rule.Constant, highUnbounded ? null : rule.Constant);
    }

    // Instances that share a cell are one system; systems apart are analysed apart (and stay small).
    private static List<List<LinearRule>> Components(List<LinearRule> active)
    {
        var parent = new Dictionary<int, int>();
        int Find(int v)
        {
            while (parent.TryGetValue(v, out var p) && p != v)
            {
                parent[v] = parent.GetValueOrDefault(p, p);
                v = p;
            }

            return v;
        }

        foreach (var rule in active)
        {
            var first = -1;
            foreach (var variable in rule.Coefficients.Keys)
            {
                parent.TryAdd(variable, variable);
                if (first < 0)
                {
                    first = Find(variable);
                }
                else
                {
                    parent[Find(variable)] = first;
                    first = Find(first);
                }
            }
        }

        return [.. active.Where(r => r.Coefficients.Count > 0)
            .GroupBy(r => Find(r.Coefficients.Keys.First()))
            .Select(g => g.ToList())
            .OrderBy(g => g[0].Index)];
    }

    private void Add(Diagnostic diagnostic, IEnumerable<InvolvedRule> rules, IEnumerable<CellSymbol> cells) =>
        _findings.Add(new AnalysisFinding(diagnostic, [.. rules], [.. cells]));

    private static IEnumerable<CellSymbol> CellsOf(IEnumerable<LinearRule> rules) =>
        rules.SelectMany(r => r.Instance.Left.Terms.Concat(r.Instance.Right.Terms)).Where(t => !t.IsPrevious).Select(t => t.Cell).Distinct();
}
