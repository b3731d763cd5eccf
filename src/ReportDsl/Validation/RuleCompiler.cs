using System.Linq.Expressions;
using System.Reflection;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// Compiles each concrete rule instance into a delegate (a LINQ expression tree, compiled once per format): it reads
/// the cells straight from the value arrays, checks presence, adds with overflow checks, and compares. Whole-number
/// rules run in <see cref="long"/>, rules over amounts in <see cref="decimal"/>.
/// </summary>
internal static class RuleCompiler
{
    public delegate RuleOutcome CompiledRule(ReportValues current, ReportValues? previous);

    private static readonly PropertyInfo WholeProperty = Property(nameof(ReportValues.Whole));
    private static readonly PropertyInfo AmountProperty = Property(nameof(ReportValues.Amount));
    private static readonly PropertyInfo StateProperty = Property(nameof(ReportValues.State));
    private static readonly ConstructorInfo OutcomeConstructor =
        typeof(RuleOutcome).GetConstructor([typeof(RuleStatus), typeof(decimal), typeof(decimal), typeof(int), typeof(bool)])
        ?? throw new InvalidOperationException("RuleOutcome's constructor is missing.");

    private static readonly MethodInfo DecimalAbs =
        typeof(Math).GetMethod(nameof(Math.Abs), [typeof(decimal)]) ?? throw new InvalidOperationException("Math.Abs(decimal) is missing.");

    public static CompiledRule Compile(RuleInstance instance, CellLayout layout)
    {
        var current = Expression.Parameter(typeof(ReportValues), "current");
        var previous = Expression.Parameter(typeof(ReportValues), "previous");
        var ret = Expression.Label(typeof(RuleOutcome), "return");
        var body = new List<Expression>();
        var locals = new List<ParameterExpression>();

        var terms = instance.Left.Terms.Concat(instance.Right.Terms).ToList();
        var usesAmounts = UsesAmounts(instance);

        if (terms.Any(t => t.IsPrevious))
        {
            body.Add(Expression.IfThen(Expression.Equal(previous, Expression.Constant(null, typeof(ReportValues))), Expression.Return(ret, Outcome(RuleStatus.NotApplicable))));
        }

        // Presence first, in the order the cells are written, so the finding names the first missing one.
        var currentState = Local(locals, body, "currentState", Expression.Property(current, StateProperty));
        var previousState = terms.Any(t => t.IsPrevious) ? Local(locals, body, "previousState", Expression.Property(previous, StateProperty)) : null;
        foreach (var term in terms.DistinctBy(t => (t.Cell, t.IsPrevious)))
        {
            var index = layout.IndexOf(term.Cell);
            var state = Expression.ArrayIndex(term.IsPrevious && previousState is not null ? previousState : currentState, Expression.Constant(index));
            body.Add(Expression.IfThen(
                Expression.Equal(state, Expression.Constant(CellState.Missing)),
                Expression.Return(ret, Outcome(RuleStatus.Missing, cell: index, isPrevious: term.IsPrevious))));
            body.Add(Expression.IfThen(
                Expression.Equal(state, Expression.Constant(CellState.Invalid)),
                Expression.Return(ret, Outcome(RuleStatus.Invalid, cell: index, isPrevious: term.IsPrevious))));
        }

        var type = usesAmounts ? typeof(decimal) : typeof(long);
        var arrays = new Dictionary<(bool Previous, bool Whole), ParameterExpression>();
        ParameterExpression Array(bool isPrevious, bool whole)
        {
            if (!arrays.TryGetValue((isPrevious, whole), out var local))
            {
                local = Local(locals, body, $"{(isPrevious ? "previous" : "current")}{(whole ? "Whole" : "Amount")}", Expression.Property(isPrevious ? previous : current, whole ? WholeProperty : AmountProperty));
                arrays[(isPrevious, whole)] = local;
            }

            return local;
        }

        Expression Side(LinearCombination side) => SideExpression(side, layout, usesAmounts, Array);

        var left = Expression.Variable(type, "left");
        var right = Expression.Variable(type, "right");
        var holds = Compare(instance.Rule.Operator, left, right, instance.Rule.Tolerance ?? 0m, usesAmounts);
        var check = Expression.Block(
            [left, right],
            Expression.Assign(left, Side(instance.Left)),
            Expression.Assign(right, Side(instance.Right)),
            Expression.Condition(
                holds,
                Expression.Constant(RuleOutcome.Holds),
                Expression.New(OutcomeConstructor, Expression.Constant(RuleStatus.Broken), ToDecimal(left), ToDecimal(right), Expression.Constant(-1), Expression.Constant(false))));
        body.Add(Expression.Return(ret, Expression.TryCatch(check, Expression.Catch(typeof(OverflowException), Outcome(RuleStatus.Overflow)))));
        body.Add(Expression.Label(ret, Outcome(RuleStatus.Holds)));

        var lambda = Expression.Lambda<CompiledRule>(Expression.Block(locals, body), current, previous);
        return lambda.Compile();
    }

    /// <summary>
    /// Compiles every instance into one method that counts the instances with a problem (broken, or missing an operand),
    /// loading the value arrays once and adding without a try block per instance. It returns -1 when a sum overflows,
    /// and the caller then checks instance by instance.
    /// </summary>
    public static Func<ReportValues, ReportValues?, int> CompileCounter(IReadOnlyList<RuleInstance> instances, CellLayout layout)
    {
        var current = Expression.Parameter(typeof(ReportValues), "current");
        var previous = Expression.Parameter(typeof(ReportValues), "previous");
        var count = Expression.Variable(typeof(int), "count");
        var locals = new List<ParameterExpression> { count };
        var body = new List<Expression>();
        var noPrevious = Expression.Equal(previous, Expression.Constant(null, typeof(ReportValues)));

        ParameterExpression Load(string name, bool fromPrevious, PropertyInfo property)
        {
            var local = Expression.Variable(property.PropertyType, name);
            locals.Add(local);
            body.Add(Expression.Assign(local, fromPrevious
                ? Expression.Condition(noPrevious, Expression.Constant(null, property.PropertyType), Expression.Property(previous, property))
                : Expression.Property(current, property)));
            return local;
        }

        var state = new[] { Load("currentState", false, StateProperty), Load("previousState", true, StateProperty) };
        var whole = new[] { Load("currentWhole", false, WholeProperty), Load("previousWhole", true, WholeProperty) };
        var amount = new[] { Load("currentAmount", false, AmountProperty), Load("previousAmount", true, AmountProperty) };

        var checks = new List<Expression>();
        foreach (var instance in instances)
        {
            var next = Expression.Label($"next_{checks.Count}");
            var terms = instance.Left.Terms.Concat(instance.Right.Terms).ToList();
            if (terms.Any(t => t.IsPrevious))
            {
                checks.Add(Expression.IfThen(noPrevious, Expression.Goto(next)));
            }

            foreach (var term in terms.DistinctBy(t => (t.Cell, t.IsPrevious)))
            {
                var cellState = Expression.ArrayIndex(state[term.IsPrevious ? 1 : 0], Expression.Constant(layout.IndexOf(term.Cell)));
                checks.Add(Expression.IfThen(
                    Expression.NotEqual(cellState, Expression.Constant(CellState.Present)),
                    Expression.Block(
                        Expression.IfThen(Expression.Equal(cellState, Expression.Constant(CellState.Missing)), Expression.PreIncrementAssign(count)),
                        Expression.Goto(next))));
            }

            var usesAmounts = UsesAmounts(instance);
            var type = usesAmounts ? typeof(decimal) : typeof(long);
            Expression Side(LinearCombination side) =>
                SideExpression(side, layout, usesAmounts, (isPrevious, fromWhole) => (fromWhole ? whole : amount)[isPrevious ? 1 : 0]);

            checks.Add(Expression.IfThen(
                Expression.Not(Compare(instance.Rule.Operator, Side(instance.Left), Side(instance.Right), instance.Rule.Tolerance ?? 0m, usesAmounts)),
                Expression.PreIncrementAssign(count)));
            checks.Add(Expression.Label(next));
        }

        var result = Expression.Label(typeof(int), "result");
        body.Add(Expression.Assign(count, Expression.Constant(0)));
        body.Add(Expression.TryCatch(
            Expression.Block(typeof(void), checks),
            Expression.Catch(typeof(OverflowException), Expression.Block(typeof(void), Expression.Assign(count, Expression.Constant(-1))))));
        body.Add(Expression.Label(result, count));
        return Expression.Lambda<Func<ReportValues, ReportValues?, int>>(Expression.Block(locals, body), current, previous).Compile();
    }

    /// <summary>One side of a comparison: the cells times their coefficients, plus the constant, with overflow checks.</summary>
    private static Expression SideExpression(LinearCombination side, CellLayout layout, bool usesAmounts, Func<bool, bool, Expression> array)
    {
        var type = usesAmounts ? typeof(decimal) : typeof(long);
        Expression? sum = null;
        foreach (var term in side.Terms)
        {
            var index = Expression.Constant(layout.IndexOf(term.Cell));
            Expression value = Expression.ArrayIndex(array(term.IsPrevious, term.Cell.Type.IsWholeNumber && !usesAmounts), index);
            if (term.Coefficient != 1)
            {
                value = Expression.MultiplyChecked(value, Expression.Constant(Convert.ChangeType(term.Coefficient, type, System.Globalization.CultureInfo.InvariantCulture), type));
            }

            sum = sum is null ? value : Expression.AddChecked(sum, value);
        }

        var constant = Expression.Constant(usesAmounts ? (object)side.Constant : (long)side.Constant, type);
        return sum is null ? constant : side.Constant == 0 ? sum : Expression.AddChecked(sum, constant);
    }

    private static bool UsesAmounts(RuleInstance instance) =>
        instance.Rule.Tolerance is not null
        || instance.Left.Terms.Concat(instance.Right.Terms).Any(t => !t.Cell.Type.IsWholeNumber)
        || instance.Left.Constant != decimal.Truncate(instance.Left.Constant)
        || instance.Right.Constant != decimal.Truncate(instance.Right.Constant);

    private static PropertyInfo Property(string name) =>
        typeof(ReportValues).GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"ReportValues.{name} is missing.");

    private static ParameterExpression Local(List<ParameterExpression> locals, List<Expression> body, string name, Expression value)
    {
        var local = Expression.Variable(value.Type, name);
        locals.Add(local);
        body.Add(Expression.Assign(local, value));
        return local;
    }

    private static Expression ToDecimal(Expression value) => value.Type == typeof(decimal) ? value : Expression.Convert(value, typeof(decimal));

    private static Expression Outcome(RuleStatus status, int cell = -1, bool isPrevious = false) =>
        Expression.New(OutcomeConstructor, Expression.Constant(status), Expression.Constant(0m), Expression.Constant(0m), Expression.Constant(cell), Expression.Constant(isPrevious));

    /// <summary>
    /// With a tolerance t: = holds when |l - r| &lt;= t, != when |l - r| &gt; t, &lt;= when l &lt;= r + t, &gt;= when l &gt;= r - t;
    /// the strict comparisons ignore it.
    /// </summary>
    private static Expression Compare(ComparisonOperator op, Expression left, Expression right, decimal tolerance, bool amounts)
    {
        if (amounts && tolerance != 0)
        {
            var t = Expression.Constant(tolerance);
            var distance = Expression.Call(DecimalAbs, Expression.Subtract(left, right));
            return op switch
            {
                ComparisonOperator.Equal => Expression.LessThanOrEqual(distance, t),
                ComparisonOperator.NotEqual => Expression.GreaterThan(distance, t),
                ComparisonOperator.LessThanOrEqual => Expression.LessThanOrEqual(left, Expression.Add(right, t)),
                ComparisonOperator.GreaterThanOrEqual => Expression.GreaterThanOrEqual(left, Expression.Subtract(right, t)),
                ComparisonOperator.LessThan => Expression.LessThan(left, right),
                _ => Expression.GreaterThan(left, right),
            };
        }

        return op switch
        {
            ComparisonOperator.Equal => Expression.Equal(left, right),
            ComparisonOperator.NotEqual => Expression.NotEqual(left, right),
            ComparisonOperator.LessThan => Expression.LessThan(left, right),
            ComparisonOperator.LessThanOrEqual => Expression.LessThanOrEqual(left, right),
            ComparisonOperator.GreaterThan => Expression.GreaterThan(left, right),
            _ => Expression.GreaterThanOrEqual(left, right),
        };
    }
}
