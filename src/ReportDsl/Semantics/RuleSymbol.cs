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

/// <summary>
/// Where a rule is checked: its table and, under <c>for each group in (...)</c>, the group its names are read in; the
/// rule's quantifiers, condition and sides bound there. A rule with <c>for each table</c> or <c>for each group</c> has
/// one scope per listed table or group, otherwise one.
/// </summary>
public sealed record RuleScope(
    TableSymbol Table,
    AxisItemSymbol? Group,
    ImmutableArray<QuantifierSymbol> Quantifiers,
    BoundCondition? Condition,
    BoundExpression Left,
    BoundExpression Right);

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
        BoundExpression right,
        BoundCondition? condition = null,
        ImmutableArray<RuleScope> scopes = default,
        bool isToleranceImplied = false,
        ImmutableArray<MessagePart> messageParts = default)
        : base(code, source, nameSpan)
    {
        Table = table;
        Severity = severity;
        Message = message;
        Tolerance = tolerance;
        Operator = op;
        Scopes = scopes.IsDefaultOrEmpty ? [new RuleScope(table, null, quantifiers, condition, left, right)] : scopes;
        IsToleranceImplied = isToleranceImplied;
        MessageParts = messageParts.IsDefault ? [] : messageParts;
        Quantifiers = Scopes[0].Quantifiers;
        Left = Scopes[0].Left;
        Right = Scopes[0].Right;
        Condition = Scopes[0].Condition;
        IsLinear = Scopes.All(s => BoundFacts.IsLinear(s.Left) && BoundFacts.IsLinear(s.Right));
    }

    /// <summary>Gets the stable rule code, the same as <see cref="Symbol.Name"/>.</summary>
    public string Code => Name;

    /// <summary>Gets the table that declares the rule.</summary>
    public TableSymbol Table { get; }

    /// <summary>Gets the severity.</summary>
    public RuleSeverity Severity { get; }

    /// <summary>Gets the human message shown with each finding.</summary>
    public string Message { get; }

    /// <summary>
    /// Gets the largest difference still accepted as equal, for amounts: the rule's own, or for a rule that divides
    /// (ratios, percentages) one unit of the last declared decimal place of the cells it compares (<see cref="IsToleranceImplied"/>).
    /// </summary>
    public decimal? Tolerance { get; }

    /// <summary>Gets whether <see cref="Tolerance"/> was taken from the declared precision rather than written.</summary>
    public bool IsToleranceImplied { get; }

    /// <summary>Gets the message cut at its placeholders (<c>{row}</c>, <c>{left}</c>...); empty when it has none.</summary>
    public ImmutableArray<MessagePart> MessageParts { get; }

    /// <summary>Gets where the rule is checked: one scope, or one per table or group of <c>for each table|group in (...)</c>.</summary>
    public ImmutableArray<RuleScope> Scopes { get; }

    /// <summary>Gets the quantifiers (of the first scope): the rule holds for each combination of their items.</summary>
    public ImmutableArray<QuantifierSymbol> Quantifiers { get; }

    /// <summary>Gets the condition of <c>when</c> (of the first scope), or null when the rule always applies.</summary>
    public BoundCondition? Condition { get; }

    /// <summary>
    /// Gets whether both sides are linear combinations of cells (sums and differences only), so that each
    /// <see cref="RuleInstance.Left"/> and <see cref="RuleInstance.Right"/> is the whole side. A rule with <c>*</c>,
    /// <c>/</c>, a function or a minus inside a term is not; its sides are <see cref="RuleInstance.LeftValue"/> and
    /// <see cref="RuleInstance.RightValue"/>. Whether it is conditional is <see cref="Condition"/>.
    /// </summary>
    public bool IsLinear { get; }

    /// <summary>Gets the left side (of the first scope).</summary>
    public BoundExpression Left { get; }

    /// <summary>Gets the comparison.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>Gets the right side (of the first scope).</summary>
    public BoundExpression Right { get; }

    /// <summary>Gets whether the rule is an existence rule, <c>present target</c>: its left side is a <see cref="BoundPresence"/> compared with 1.</summary>
    public bool IsPresence => Left is BoundPresence;

    /// <summary>
    /// Gets whether the rule was not written but follows from a group with values (<c>exhaustive</c>,
    /// <c>nonexhaustive</c>) or a <c>subtotal</c>; its code is the finding's (RD3178, RD3179, RD3180).
    /// </summary>
    public bool IsImplied { get; internal init; }

    /// <summary>
    /// Expands the scopes and quantifiers into concrete comparisons, one per scope, row, column or combination. A linear
    /// rule's sides are sums of cells; any other rule's <see cref="RuleInstance.Left"/> and
    /// <see cref="RuleInstance.Right"/> hold only its linear sides (an empty combination for a side that is not).
    /// </summary>
    public IEnumerable<RuleInstance> Expand()
    {
        foreach (var scope in Scopes)
        {
            var rows = ItemsOrUnquantified(scope, Axis.Row);
            var columns = ItemsOrUnquantified(scope, Axis.Column);
            var leftIsLinear = BoundFacts.IsLinear(scope.Left);
            var rightIsLinear = BoundFacts.IsLinear(scope.Right);
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    var left = leftIsLinear ? LinearCombination.From(scope.Left, scope.Table, row, column) : LinearCombination.Empty;
                    var right = rightIsLinear ? LinearCombination.From(scope.Right, scope.Table, row, column) : LinearCombination.Empty;
                    yield return new RuleInstance(this, row, column, left, right)
                    {
                        Scope = scope,
                        Condition = scope.Condition is null ? null : InstanceCondition.From(scope.Condition, scope.Table, row, column),
                        LeftValue = leftIsLinear ? new LinearValue(left) : InstanceValue.From(scope.Left, scope.Table, row, column),
                        RightValue = rightIsLinear ? new LinearValue(right) : InstanceValue.From(scope.Right, scope.Table, row, column),
                    };
                }
            }
        }
    }

    private static IEnumerable<AxisItemSymbol?> ItemsOrUnquantified(RuleScope scope, Axis axis) =>
        scope.Quantifiers.FirstOrDefault(q => q.Axis == axis) is { } quantifier ? quantifier.Items : new AxisItemSymbol?[] { null };
}

/// <summary>
/// One concrete comparison of a rule: the quantified row and column (null when not quantified) and both sides. For a
/// linear rule without a condition, <see cref="Left"/> and <see cref="Right"/> say everything; otherwise the instance is
/// checked through <see cref="Condition"/>, <see cref="LeftValue"/> and <see cref="RightValue"/> (<see cref="IsGeneral"/>).
/// </summary>
public sealed record RuleInstance(RuleSymbol Rule, AxisItemSymbol? Row, AxisItemSymbol? Column, LinearCombination Left, LinearCombination Right)
{
    /// <summary>Gets the scope (table, and group under <c>for each group</c>) the instance belongs to.</summary>
    public RuleScope? Scope { get; init; }

    /// <summary>Gets the condition under which the instance applies, or null when it always does.</summary>
    public InstanceCondition? Condition { get; init; }

    /// <summary>Gets the left side as a value tree (a <see cref="LinearValue"/> for a linear side).</summary>
    public InstanceValue LeftValue { get; init; } = new LinearValue(Left);

    /// <summary>Gets the right side as a value tree (a <see cref="LinearValue"/> for a linear side).</summary>
    public InstanceValue RightValue { get; init; } = new LinearValue(Right);

    /// <summary>Gets whether the instance has a condition or a side that is not linear, and is checked in <see cref="decimal"/> through its value trees.</summary>
    public bool IsGeneral => Condition is not null || !Rule.IsLinear;

    /// <summary>Gets the cells the condition reads, in order, each once.</summary>
    public IEnumerable<LinearTerm> ConditionCells() => (Condition?.Terms() ?? []).DistinctBy(t => (t.Cell, t.IsPrevious));

    /// <summary>Gets the cells the sides read and the condition does not, in order, each once.</summary>
    public IEnumerable<LinearTerm> SideCells()
    {
        var seen = new HashSet<(CellSymbol, bool)>(ConditionCells().Select(t => (t.Cell, t.IsPrevious)));
        return LeftValue.Terms().Concat(RightValue.Terms()).DistinctBy(t => (t.Cell, t.IsPrevious)).Where(t => !seen.Contains((t.Cell, t.IsPrevious)));
    }

    /// <summary>
    /// Gets the cell an existence rule requires a value in, when its target is one cell (a cell reference or a fact):
    /// findings name it after the condition's cells. A table's or section's cells are too many to list.
    /// </summary>
    public IEnumerable<LinearTerm> TargetCells() => LeftValue is PresenceValue { Cells.Length: 1 } presence ? presence.Cells : [];

    /// <summary>Gets every division of the instance, in the order it is evaluated: condition, left, right.</summary>
    public IEnumerable<InstanceValue> Divisors() => (Condition?.Divisors() ?? []).Concat(LeftValue.Divisors()).Concat(RightValue.Divisors());
}
