using System.Collections.Immutable;
using ReportDsl.Text;

namespace ReportDsl.Semantics;

/// <summary>How serious a broken rule is.</summary>
public enum RuleSeverity
{
    /// <summary>The report is wrong.</summary>
    Error,

    /// <summary>The report is probably wrong, or the rule is advisory.</summary>
    Warning,
}

/// <summary>The comparison a rule makes.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c>.</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,
}

/// <summary><c>for each row</c> or <c>for each column</c>, over a whole axis or over the value items of one group.</summary>
public sealed record QuantifierSymbol(Axis Axis, AxisItemSymbol? Group, ImmutableArray<AxisItemSymbol> Items);

/// <summary>An invariant over the cells of a table: a stable code, a severity, a message, and a comparison, possibly for each row or column.</summary>
public sealed class RuleSymbol : Symbol
{
    internal RuleSymbol(
        string code,
        SourceText source,
        TextSpan nameSpan,
        TableSymbol table,
        RuleSeverity severity,
        string message,
        decimal? tolerance,
        ImmutableArray<QuantifierSymbol> quantifiers,
        BoundExpression left,
        ComparisonOperator op,
        BoundExpression right)
        : base(code, source, nameSpan)
    {
        Table = table;
        Severity = severity;
        Message = message;
        Tolerance = tolerance;
        Quantifiers = quantifiers;
        Left = left;
        Operator = op;
        Right = right;
    }

    /// <summary>Gets the stable rule code, the same as <see cref="Symbol.Name"/>.</summary>
    public string Code => Name;

    /// <summary>Gets the table that declares the rule.</summary>
    public TableSymbol Table { get; }

    /// <summary>Gets the severity.</summary>
    public RuleSeverity Severity { get; }

    /// <summary>Gets the human message shown with each finding.</summary>
    public string Message { get; }

    /// <summary>Gets the largest difference still accepted as equal, for amounts.</summary>
    public decimal? Tolerance { get; }

    /// <summary>Gets the quantifiers: the rule holds for each combination of their items.</summary>
    public ImmutableArray<QuantifierSymbol> Quantifiers { get; }

    /// <summary>Gets the left side.</summary>
    public BoundExpression Left { get; }

    /// <summary>Gets the comparison.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>Gets the right side.</summary>
    public BoundExpression Right { get; }

    /// <summary>
    /// Gets whether the rule was not written but follows from a group with values (<c>exhaustive</c>,
    /// <c>nonexhaustive</c>) or a <c>subtotal</c>; its code is the finding's (RD3178, RD3179, RD3180).
    /// </summary>
    public bool IsImplied { get; internal init; }

    /// <summary>Expands the quantifiers into concrete comparisons of sums of cells, one per row, column or both.</summary>
    public IEnumerable<RuleInstance> Expand()
    {
        var rows = ItemsOrUnquantified(Axis.Row);
        var columns = ItemsOrUnquantified(Axis.Column);
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                var left = LinearCombination.From(Left, Table, row, column);
                var right = LinearCombination.From(Right, Table, row, column);
                yield return new RuleInstance(this, row, column, left, right);
            }
        }
    }

    private IEnumerable<AxisItemSymbol?> ItemsOrUnquantified(Axis axis) =>
        Quantifiers.FirstOrDefault(q => q.Axis == axis) is { } quantifier ? quantifier.Items : new AxisItemSymbol?[] { null };
}

/// <summary>One concrete comparison of a rule: the quantified row and column (null when not quantified) and both sides.</summary>
public sealed record RuleInstance(RuleSymbol Rule, AxisItemSymbol? Row, AxisItemSymbol? Column, LinearCombination Left, LinearCombination Right);
