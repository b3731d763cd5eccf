using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;

namespace ReportDsl.Analysis;

/// <summary>What part a rule instance plays in a finding.</summary>
internal enum RuleRole
{
    /// <summary>The instance the finding is about (it never holds, always holds, is implied, double counts).</summary>
    Subject,

    /// <summary>One of the instances that imply the subject.</summary>
    Implying,

    /// <summary>One of a set of instances that contradict each other.</summary>
    Conflicting,

    /// <summary>The instance that defines a total the subject's sum counts twice.</summary>
    Definition,
}

/// <summary>A rule instance named in a finding: the rule, the instance's name (<c>GK001[column=total]</c>) and its role.</summary>
internal sealed record InvolvedRule(RuleSymbol Rule, string Instance, RuleRole Role);

/// <summary>One finding of the analysis: a diagnostic (the text hosts print), with the rule instances and cells it names.</summary>
internal sealed record AnalysisFinding(Diagnostic Diagnostic, ImmutableArray<InvolvedRule> Rules, ImmutableArray<CellSymbol> Cells);

/// <summary>How much the analysis takes on; past these it reports RD7009 or RD7010 instead of taking unbounded time.</summary>
/// <param name="MaxComparisons">The most rule instances in one connected system (rules that share cells).</param>
/// <param name="MaxCells">The most cells in one connected system.</param>
/// <param name="MaxWork">The most tableau and elimination entries updated over the whole format.</param>
internal sealed record AnalysisLimits(int MaxComparisons, int MaxCells, long MaxWork)
{
    /// <summary>Gets the limits <c>check --analyze</c> uses: the 2021 format needs about 1 % of the work.</summary>
    public static AnalysisLimits Default { get; } = new(500, 2_000, 20_000_000);
}
