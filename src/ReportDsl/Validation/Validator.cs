using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ReportDsl.Diagnostics;
using ReportDsl.Evolution;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// A validator compiled from a format: the rule instances become a compiled counter once (the fast answer for a clean
/// report) and a prepared check each (to describe problems), then any number of reports are checked with it. Every rule
/// is evaluated and every finding reported, up to a cap per report. Thread-safe.
/// </summary>
public sealed class Validator
{
    private readonly ImmutableArray<RuleInstance> _instances;
    private readonly InstanceCheck[] _checks;
    private readonly Func<ReportValues, ReportValues?, int> _counter;
    private readonly PreviousYear _previousYear;

    private Validator(FormatSymbol format)
    {
        Format = format;
        Layout = new CellLayout(format);
        _instances = [.. format.Rules.SelectMany(r => r.Expand())];
        _checks = [.. _instances.Select(i => new InstanceCheck(i, Layout))];
        _counter = RuleCompiler.CompileCounter(_instances, _checks, Layout);
        _previousYear = new PreviousYear(Layout);
    }

    /// <summary>Gets the format.</summary>
    public FormatSymbol Format { get; }

    /// <summary>Gets the numbering of the format's cells.</summary>
    public CellLayout Layout { get; }

    /// <summary>Gets the concrete rule instances, in rule order.</summary>
    public ImmutableArray<RuleInstance> Instances => _instances;

    /// <summary>Compiles a validator for a format of a compilation without errors.</summary>
    public static Validator Create(FormatSymbol format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new Validator(format);
    }

    /// <summary>Checks one rule instance.</summary>
    public RuleOutcome Check(int instance, ReportValues current, ReportValues? previous = null) => _checks[instance].Check(current, previous);

    /// <summary>Counts the rule instances that are broken, missing an operand or overflowing. Allocates nothing.</summary>
    public int CountProblems(ReportValues current, ReportValues? previous = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var fast = _counter(current, previous);
        if (fast >= 0)
        {
            return fast;
        }

        // A sum overflowed somewhere: count instance by instance, where each overflow is its own problem.
        var problems = 0;
        foreach (var check in _checks)
        {
            var status = check.Check(current, previous).Status;
            if (status is not (RuleStatus.Holds or RuleStatus.NotApplicable or RuleStatus.Invalid))
            {
                problems++;
            }
        }

        return problems;
    }

    /// <summary>
    /// Validates a report: the problems found while reading it, then every rule, in order. Last year's report may be in
    /// another format: its values are matched to this format's cells by identity (<see cref="CellMapping"/>), and it is
    /// refused unless it is the year before (RD3150).
    /// </summary>
    public ImmutableArray<Finding> Validate(ReportData report, ReportData? previous = null) => ValidateUpTo(report, previous, int.MaxValue).Findings;

    /// <summary>
    /// Validates a report as <see cref="Validate(ReportData, ReportData?)"/> does, describing at most
    /// <paramref name="maxFindings"/> findings (those found while reading first) and only counting the rest: past the
    /// cap, a broken rule costs its check, not a finding with labels.
    /// </summary>
    public FindingList ValidateUpTo(ReportData report, ReportData? previous, int maxFindings)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!ReferenceEquals(report.Values.Layout, Layout))
        {
            throw new ArgumentException("The report was read for another format; validate it with that format's validator.", nameof(report));
        }

        var (aligned, previousFindings) = _previousYear.Align(report, previous);
        previous = aligned;
        if (report.ReadFindings.IsEmpty && report.OmittedFindings == 0 && previousFindings.IsEmpty && _counter(report.Values, previous?.Values) == 0)
        {
            return FindingList.Empty;
        }

        var findings = new FindingCollector(Math.Max(0, maxFindings));
        findings.AddRange(report.ReadFindings);
        findings.AddOmitted(report.OmittedFindings, report.OmittedErrors);
        findings.AddRange(previousFindings);
        for (var i = 0; i < _checks.Length; i++)
        {
            var outcome = _checks[i].Check(report.Values, previous?.Values);
            if (Severity(_instances[i], outcome) is { } severity && findings.Wants(severity) && Describe(_instances[i], outcome, report, previous) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return new FindingList(Fold(findings.ToImmutable()), findings.Omitted, findings.OmittedErrors);
    }

    /// <summary>
    /// A rule that cannot be checked because a document left its cell empty follows from the finding that left it
    /// empty: it is folded into that finding rather than reported again for every rule and every cell.
    /// </summary>
    private static ImmutableArray<Finding> Fold(ImmutableArray<Finding> findings)
    {
        var causes = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var cause in findings.Where(f => f.LeavesEmpty))
        {
            foreach (var cell in cause.Cells)
            {
                causes.TryAdd(cell.Id, cause);
            }
        }

        if (causes.Count == 0)
        {
            return findings;
        }

        var folded = new Dictionary<Finding, List<Finding>>();
        var kept = new List<Finding>(findings.Length);
        foreach (var finding in findings)
        {
            if (finding.Code == DiagnosticCatalog.RD3102.Code && finding.Cells is [{ IsPrevious: false } cell] && causes.TryGetValue(cell.Id, out var cause))
            {
                (folded.TryGetValue(cause, out var list) ? list : folded[cause] = []).Add(finding);
            }
            else
            {
                kept.Add(finding);
            }
        }

        return [.. kept.Select(f => folded.TryGetValue(f, out var list) ? f.WithFolded([.. list]) : f)];
    }

    // The severity the finding would have, known before it is described, so that past the cap it is only counted.
    private static FindingSeverity? Severity(RuleInstance instance, RuleOutcome outcome) => outcome.Status switch
    {
        RuleStatus.Broken => instance.Rule.Severity == RuleSeverity.Error ? FindingSeverity.Error : FindingSeverity.Warning,
        RuleStatus.Missing => FindingCollector.SeverityOf(DiagnosticCatalog.RD3102),
        RuleStatus.Overflow => FindingCollector.SeverityOf(DiagnosticCatalog.RD3108),
        RuleStatus.DivisionByZero => FindingCollector.SeverityOf(DiagnosticCatalog.RD3160),
        _ => null,
    };

    private static decimal Shown(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);

    private Finding? Describe(RuleInstance instance, RuleOutcome outcome, ReportData report, ReportData? previous)
    {
        var rule = instance.Rule;
        switch (outcome.Status)
        {
            case RuleStatus.Broken when instance.LeftValue is PresenceValue:
                return Finding.ForPresence(rule, Cells(instance, report, previous), At(instance), RuleMessages.Format(instance, outcome.Left, outcome.Right));
            case RuleStatus.Broken:
                var cells = Cells(instance, report, previous);
                // A quotient carries 28 digits; a reader needs the few that decide whether the rule holds.
                var (leftValue, rightValue) = instance.IsGeneral ? (Shown(outcome.Left), Shown(outcome.Right)) : (outcome.Left, outcome.Right);
                var left = instance.IsGeneral ? Side(instance.LeftValue, leftValue) : Side(instance.Left, leftValue);
                var right = instance.IsGeneral ? Side(instance.RightValue, rightValue) : Side(instance.Right, rightValue);
                return Finding.ForRule(rule, cells, left, ComparisonOperatorFacts.Symbol(rule.Operator), right, At(instance), RuleMessages.Format(instance, leftValue, rightValue));
            case RuleStatus.DivisionByZero:
                var divisor = instance.Divisors().ElementAt(outcome.Divisor);
                var divisorCells = divisor.Terms().DistinctBy(t => (t.Cell, t.IsPrevious)).Select(t =>
                {
                    var index = Layout.IndexOf(t.Cell);
                    var data = t.IsPrevious ? previous : report;
                    return Layout.Describe(index, data?.Values.NumberOf(index), t.IsPrevious, data?.LocationOf(index));
                }).ToImmutableArray();
                return Finding.ForData(DiagnosticCatalog.RD3160, divisorCells, rule.Code, divisorCells.Select(c => c.Location).FirstOrDefault(l => l is not null), rule.Code, divisor.ToString(Label), string.Join(", ", divisorCells.Select(c => (c.IsPrevious ? "previous " : string.Empty) + c.Id)));
            case RuleStatus.Missing:
                var data = outcome.CellIsPrevious ? previous : report;
                var missing = Layout.Describe(outcome.Cell, null, outcome.CellIsPrevious, data?.LocationOf(outcome.Cell));
                return Finding.ForData(DiagnosticCatalog.RD3102, [missing], rule.Code, missing.Location ?? new FindingLocation(report.Path, 1, 1), rule.Code, (outcome.CellIsPrevious ? "previous " : string.Empty) + missing.Id);
            case RuleStatus.Overflow:
                var involved = Cells(instance, report, previous);
                return Finding.ForData(DiagnosticCatalog.RD3108, involved, rule.Code, null, rule.Code, string.Join(", ", involved.Select(c => c.Id)));
            default:
                return null;
        }
    }

    private ImmutableArray<FindingCell> Cells(RuleInstance instance, ReportData report, ReportData? previous) =>
        [.. (instance.IsGeneral ? instance.ConditionCells().Concat(instance.SideCells()).Concat(instance.TargetCells()) : instance.Left.Terms.Concat(instance.Right.Terms)).Select(t =>
        {
            var index = Layout.IndexOf(t.Cell);
            var data = t.IsPrevious ? previous : report;
            // A text, date, boolean or enum cell shows its text, never a number.
            var isText = !t.Cell.Type.IsNumeric;
            var text = data is not null && isText && data.Values.StateOf(index) == CellState.Present ? data.Values.TextOf(index) : null;
            return Layout.Describe(index, isText ? null : data?.Values.NumberOf(index), t.IsPrevious, data?.LocationOf(index)) with { IsDefaulted = data?.Values.IsDefaulted(index) == true, Text = text };
        })];

    private static FindingSide Side(LinearCombination side, decimal value)
    {
        var labels = new StringBuilder();
        foreach (var term in side.Terms)
        {
            labels.Append(labels.Length == 0 ? (term.Coefficient < 0 ? "-" : string.Empty) : term.Coefficient < 0 ? " - " : " + ");
            if (Math.Abs(term.Coefficient) != 1)
            {
                labels.Append(Math.Abs(term.Coefficient).ToString(CultureInfo.InvariantCulture)).Append('×');
            }

            labels.Append(term.IsPrevious ? "上年" : string.Empty)
                .Append(string.Join('/', term.Cell.Row.LabelPath))
                .Append('[').Append(string.Join('/', term.Cell.Column.LabelPath)).Append(']');
        }

        if (side.Constant != 0 || labels.Length == 0)
        {
            labels.Append(labels.Length == 0 ? string.Empty : " + ").Append(side.Constant.ToString(CultureInfo.InvariantCulture));
        }

        return new FindingSide(side.ToString(), labels.ToString(), value);
    }

    private static FindingSide Side(InstanceValue side, decimal value) => new(side.ToString(), side.ToString(Label), value);

    private static string Label(LinearTerm term) =>
        (term.IsPrevious ? "上年" : string.Empty) + string.Join('/', term.Cell.Row.LabelPath) + "[" + string.Join('/', term.Cell.Column.LabelPath) + "]";

    /// <summary>Where an instance is: its scope's group (or table, under "for each table"), row and column, by label.</summary>
    internal static string? At(RuleInstance instance)
    {
        var parts = new[] { instance.Row, instance.Column }.OfType<AxisItemSymbol>().Select(i => string.Join('/', i.LabelPath)).ToList();
        if (RuleMessages.ScopeLabel(instance) is { } scope)
        {
            parts.Insert(0, scope);
        }

        return parts.Count == 0 ? null : string.Join(" × ", parts);
    }
}
