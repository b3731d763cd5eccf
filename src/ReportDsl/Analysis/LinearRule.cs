using System.Collections.Immutable;
using Fractions;
using ReportDsl.Semantics;

namespace ReportDsl.Analysis;

/// <summary>How a linear form <c>f</c> of an instance is constrained.</summary>
internal enum Relation
{
    /// <summary><c>f = 0</c>.</summary>
    Equal,

    /// <summary><c>f &lt;= 0</c>.</summary>
    AtMost,

    /// <summary><c>-t &lt;= f &lt;= t</c>: an equality with a tolerance.</summary>
    Within,

    /// <summary><c>f != 0</c> (or, with a tolerance, <c>|f| &gt; t</c>): not convex, so checked on its own only.</summary>
    NotEqual,
}

/// <summary>A variable of the system: a cell of this year's report, or of last year's.</summary>
internal readonly record struct Variable(CellSymbol Cell, bool IsPrevious)
{
    /// <summary>Gets whether the variable cannot be negative (a count).</summary>
    public bool IsNonNegative => Cell.Type.Kind == CellTypeKind.Count;

    public override string ToString() => (IsPrevious ? "previous " : string.Empty) + Cell.Id;
}

/// <summary>
/// One rule instance as the analysis sees it: <c>f(x) = Σ a·x + c</c> in a relation to zero, where strict comparisons
/// are already turned into non-strict ones on the grid of values the cells can take.
/// </summary>
/// <param name="Index">The instance's position in the format's rule order.</param>
/// <param name="Instance">The instance of the bound model.</param>
/// <param name="Name">The rule code with the quantified items, such as <c>GK001[column=total]</c>.</param>
/// <param name="Coefficients">The coefficient of each variable (none zero), by variable.</param>
/// <param name="Constant">The constant <c>c</c>.</param>
/// <param name="Relation">How <c>f</c> relates to zero.</param>
/// <param name="Bound">The tolerance <c>t</c> of <see cref="Relation.Within"/> and <see cref="Relation.NotEqual"/>; zero otherwise.</param>
internal sealed record LinearRule(
    int Index,
    RuleInstance Instance,
    string Name,
    ImmutableSortedDictionary<int, Fraction> Coefficients,
    Fraction Constant,
    Relation Relation,
    Fraction Bound)
{
    /// <summary>Gets the rule the instance belongs to.</summary>
    public RuleSymbol Rule => Instance.Rule;

    /// <summary>Gets the comparison as the spec states it, expanded at the instance: <c>t.a[c] + t.b[c] = t.total[c]</c>.</summary>
    public string Text => $"{Instance.Left} {ComparisonOperatorFacts.Symbol(Rule.Operator)} {Instance.Right}";
}
