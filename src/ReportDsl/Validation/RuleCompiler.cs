using System.Linq.Expressions;
using System.Reflection;
using ReportDsl.Semantics;

namespace ReportDsl.Validation;

/// <summary>
/// Compiles a format's rule instances into the counter that answers "is this report clean?" (LINQ expression trees,
/// compiled once per format): it reads the cells straight from the value arrays, checks presence, adds with overflow
/// checks, and compares. Whole-number rules run in <see cref="long"/>, rules over amounts in <see cref="decimal"/>.
/// </summary>
internal static class RuleCompiler
{
    /// <summary>
    /// The most instances compiled into one method. The JIT's cost grows faster than linearly with a method's size, so
    /// instances are compiled in methods of this size; the official formats (48 instances) get a single method.
    /// </summary>
    internal const int InstancesPerMethod = 128;

    /// <summary>
    /// The most instances compiled at all. Compiling an expression tree costs about half a millisecond per instance,
    /// which pays off over many reports for a format of official size but would make a spec of 10,000 rules take
    /// seconds before its first report; past this many instances, <see cref="InstanceCheck"/> counts without compiling.
    /// </summary>
    internal const int MostCompiledInstances = 1024;

    private static readonly PropertyInfo WholeProperty = Property(nameof(ReportValues.Whole));
    private static readonly PropertyInfo AmountProperty = Property(nameof(ReportValues.Amount));
    private static readonly PropertyInfo StateProperty = Property(nameof(ReportValues.State));
    private static readonly PropertyInfo SectionTextProperty = Property(nameof(ReportValues.SectionText));

    private static readonly MethodInfo IsDefaultedMethod =
        typeof(ReportValues).GetMethod(nameof(ReportValues.IsDefaulted)) ?? throw new InvalidOperationException("ReportValues.IsDefaulted is missing.");

    private static readonly MethodInfo TestHoldsMethod =
        typeof(InstanceEvaluator).GetMethod(nameof(InstanceEvaluator.TestHolds)) ?? throw new InvalidOperationException("InstanceEvaluator.TestHolds is missing.");

    private static readonly MethodInfo DecimalAbs =
        typeof(Math).GetMethod(nameof(Math.Abs), [typeof(decimal)]) ?? throw new InvalidOperationException("Math.Abs(decimal) is missing.");

    /// <summary>
    /// Builds the counter of instances with a problem (broken, or missing an operand). Up to
    /// <see cref="MostCompiledInstances"/> instances it is compiled, in methods of <see cref="InstancesPerMethod"/> that
    /// each load the value arrays once and add without a try block per instance; the result is -1 when a sum overflows,
    /// and the caller then checks instance by instance. Past that, it checks each prepared instance in a loop, counting
    /// an overflow as a problem.
    /// </summary>
    public static Func<ReportValues, ReportValues?, int> CompileCounter(IReadOnlyList<RuleInstance> instances, IReadOnlyList<InstanceCheck> checks, CellLayout layout)
    {
        if (instances.Count > MostCompiledInstances)
        {
            return (current, previous) =>
            {
                var problems = 0;
                foreach (var check in checks)
                {
                    if (check.Check(current, previous).Status is not (RuleStatus.Holds or RuleStatus.NotApplicable or RuleStatus.Invalid))
                    {
                        problems++;
                    }
                }

                return problems;
            };
        }

        var methods = instances.Chunk(InstancesPerMethod).Select(chunk => CompileCounterMethod(chunk, layout)).ToArray();
        if (methods.Length == 1)
        {
            return methods[0];
        }

        return (current, previous) =>
        {
            var total = 0;
            foreach (var method in methods)
            {
                var count = method(current, previous);
                if (count < 0)
                {
                    return -1;
                }

                total += count;
            }

            return total;
        };
    }

    /// <summary>
    /// Whether a comparison over amounts holds. With a tolerance t: = holds when |l - r| &lt;= t, != when |l - r| &gt; t,
    /// &lt;= when l &lt;= r + t, &gt;= when l &gt;= r - t; the strict comparisons ignore it (as <see cref="Compare"/>).
    /// </summary>
    internal static bool Holds(ComparisonOperator op, decimal left, decimal right, decimal tolerance) => tolerance != 0
        ? op switch
        {
            ComparisonOperator.Equal => Math.Abs(left - right) <= tolerance,
            ComparisonOperator.NotEqual => Math.Abs(left - right) > tolerance,
            ComparisonOperator.LessThanOrEqual => left <= right + tolerance,
            ComparisonOperator.GreaterThanOrEqual => left >= right - tolerance,
            ComparisonOperator.LessThan => left < right,
            _ => left > right,
        }
        : op switch
        {
            ComparisonOperator.Equal => left == right,
            ComparisonOperator.NotEqual => left != right,
            ComparisonOperator.LessThan => left < right,
            ComparisonOperator.LessThanOrEqual => left <= right,
            ComparisonOperator.GreaterThan => left > right,
            _ => left >= right,
        };

    /// <summary>Whether a comparison over whole numbers holds.</summary>
    internal static bool Holds(ComparisonOperator op, long left, long right) => op switch
    {
        ComparisonOperator.Equal => left == right,
        ComparisonOperator.NotEqual => left != right,
        ComparisonOperator.LessThan => left < right,
        ComparisonOperator.LessThanOrEqual => left <= right,
        ComparisonOperator.GreaterThan => left > right,
        _ => left >= right,
    };

    private static Func<ReportValues, ReportValues?, int> CompileCounterMethod(IReadOnlyList<RuleInstance> instances, CellLayout layout)
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
        // whole[] and amount[] below are read by linear instances; general ones read amount[] (which holds whole numbers too).
        var whole = new[] { Load("currentWhole", false, WholeProperty), Load("previousWhole", true, WholeProperty) };
        var amount = new[] { Load("currentAmount", false, AmountProperty), Load("previousAmount", true, AmountProperty) };
        var sectionText = instances.Any(i => i.LeftValue is PresenceValue) ? Load("currentSectionText", false, SectionTextProperty) : null;

        var checks = new List<Expression>();
        foreach (var instance in instances)
        {
            if (instance.IsGeneral)
            {
                new GeneralCompiler(layout, current, previous, state, amount, sectionText, count, noPrevious, locals, checks).Add(instance);
                continue;
            }

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

    private static readonly MethodInfo DecimalRound =
        typeof(Math).GetMethod(nameof(Math.Round), [typeof(decimal), typeof(int), typeof(MidpointRounding)]) ?? throw new InvalidOperationException("Math.Round(decimal, int, MidpointRounding) is missing.");

    private static readonly MethodInfo DecimalMin =
        typeof(Math).GetMethod(nameof(Math.Min), [typeof(decimal), typeof(decimal)]) ?? throw new InvalidOperationException("Math.Min(decimal, decimal) is missing.");

    private static readonly MethodInfo DecimalMax =
        typeof(Math).GetMethod(nameof(Math.Max), [typeof(decimal), typeof(decimal)]) ?? throw new InvalidOperationException("Math.Max(decimal, decimal) is missing.");

    /// <summary>
    /// Compiles an instance with a condition or arithmetic beyond sums, as <see cref="InstanceEvaluator"/> walks it:
    /// statements into temporaries (so a divisor of 0 can jump out at statement level), in decimal, conditions as jumps
    /// that stop once the answer is known. A problem (missing condition or side cell, broken, divisor 0) counts one.
    /// </summary>
    private sealed class GeneralCompiler(
        CellLayout layout,
        ParameterExpression current,
        ParameterExpression previous,
        ParameterExpression[] state,
        ParameterExpression[] amount,
        ParameterExpression? sectionText,
        ParameterExpression count,
        Expression noPrevious,
        List<ParameterExpression> locals,
        List<Expression> checks)
    {
        private LabelTarget _zero = Expression.Label();

        public void Add(RuleInstance instance)
        {
            var id = checks.Count;
            var next = Expression.Label($"next_{id}");
            _zero = Expression.Label($"zero_{id}");
            if (instance.ConditionCells().Concat(instance.SideCells()).Any(t => t.IsPrevious))
            {
                checks.Add(Expression.IfThen(noPrevious, Expression.Goto(next)));
            }

            Presence(instance.ConditionCells(), next);
            if (instance.Condition is { } condition)
            {
                var applies = Expression.Label($"applies_{id}");
                Condition(condition, next, applies);
                checks.Add(Expression.Label(applies));
            }

            Presence(instance.SideCells(), next);
            if (instance.LeftValue is PresenceValue presence)
            {
                // An existence rule: not checked without the text it depends on; holds at the first cell with a value.
                Target(presence, next);
                checks.Add(Expression.Goto(_zero));
            }
            else
            {
                var left = Value(instance.LeftValue);
                var right = Value(instance.RightValue);
                checks.Add(Expression.IfThen(
                    Expression.Not(Compare(instance.Rule.Operator, left, right, instance.Rule.Tolerance ?? 0m, amounts: true)),
                    Expression.PreIncrementAssign(count)));
                checks.Add(Expression.Goto(next));
            }

            // Broken, or a divisor of 0: one problem either way.
            checks.Add(Expression.Label(_zero));
            checks.Add(Expression.PreIncrementAssign(count));
            checks.Add(Expression.Label(next));
        }

        private void Target(PresenceValue presence, LabelTarget next)
        {
            if (presence.Text is { } section && sectionText is not null)
            {
                var text = Expression.ArrayIndex(sectionText, Expression.Constant(layout.Format.Sections.IndexOf(section)));
                checks.Add(Expression.IfThen(Expression.Equal(text, Expression.Constant(CellState.Unstated)), Expression.Goto(next)));
                if (presence.Cells.IsEmpty)
                {
                    checks.Add(Expression.IfThen(Expression.Equal(text, Expression.Constant(CellState.Present)), Expression.Goto(next)));
                    return;
                }
            }

            foreach (var term in presence.Cells)
            {
                var index = Expression.Constant(layout.IndexOf(term.Cell));
                var cellState = Expression.ArrayIndex(state[0], index);
                checks.Add(Expression.IfThen(
                    Expression.OrElse(
                        Expression.Equal(cellState, Expression.Constant(CellState.Invalid)),
                        Expression.AndAlso(Expression.Equal(cellState, Expression.Constant(CellState.Present)), Expression.Not(Expression.Call(current, IsDefaultedMethod, index)))),
                    Expression.Goto(next)));
            }
        }

        private void Presence(IEnumerable<LinearTerm> cells, LabelTarget next)
        {
            foreach (var term in cells)
            {
                var cellState = Expression.ArrayIndex(state[term.IsPrevious ? 1 : 0], Expression.Constant(layout.IndexOf(term.Cell)));
                checks.Add(Expression.IfThen(
                    Expression.NotEqual(cellState, Expression.Constant(CellState.Present)),
                    Expression.Block(
                        Expression.IfThen(Expression.Equal(cellState, Expression.Constant(CellState.Missing)), Expression.PreIncrementAssign(count)),
                        Expression.Goto(next))));
            }
        }

        private void Condition(InstanceCondition condition, LabelTarget onFalse, LabelTarget onTrue)
        {
            switch (condition)
            {
                case InstanceComparison comparison:
                    var left = Value(comparison.Left);
                    var right = Value(comparison.Right);
                    checks.Add(Expression.IfThenElse(Compare(comparison.Operator, left, right, 0m, amounts: true), Expression.Goto(onTrue), Expression.Goto(onFalse)));
                    break;
                case InstanceValueTest test:
                    checks.Add(Expression.IfThenElse(Expression.Call(TestHoldsMethod, Expression.Constant(test), current, previous), Expression.Goto(onTrue), Expression.Goto(onFalse)));
                    break;
                case InstanceNot not:
                    Condition(not.Operand, onTrue, onFalse);
                    break;
                case InstanceLogical logical:
                    for (var i = 0; i < logical.Operands.Length; i++)
                    {
                        if (i == logical.Operands.Length - 1)
                        {
                            Condition(logical.Operands[i], onFalse, onTrue);
                            break;
                        }

                        var middle = Expression.Label();
                        Condition(logical.Operands[i], logical.IsAnd ? onFalse : middle, logical.IsAnd ? middle : onTrue);
                        checks.Add(Expression.Label(middle));
                    }

                    if (logical.Operands.IsEmpty)
                    {
                        checks.Add(Expression.Goto(logical.IsAnd ? onTrue : onFalse));
                    }

                    break;
            }
        }

        /// <summary>Adds the statements that compute a value and returns the temporary that holds it.</summary>
        private ParameterExpression Value(InstanceValue value)
        {
            Expression result;
            switch (value)
            {
                case LinearValue linear:
                    result = SideExpression(linear.Combination, layout, usesAmounts: true, (isPrevious, _) => amount[isPrevious ? 1 : 0]);
                    break;
                case NegatedValue negated:
                    result = Expression.Negate(Value(negated.Operand));
                    break;
                case ArithmeticValue arithmetic:
                    var left = Value(arithmetic.Left);
                    var right = Value(arithmetic.Right);
                    if (arithmetic.Operator == ArithmeticOperator.Divide)
                    {
                        checks.Add(Expression.IfThen(Expression.Equal(right, Expression.Constant(0m)), Expression.Goto(_zero)));
                    }

                    result = arithmetic.Operator switch
                    {
                        ArithmeticOperator.Add => Expression.Add(left, right),
                        ArithmeticOperator.Subtract => Expression.Subtract(left, right),
                        ArithmeticOperator.Multiply => Expression.Multiply(left, right),
                        _ => Expression.Divide(left, right),
                    };
                    break;
                case FunctionValue function:
                    var arguments = function.Arguments.Select(Value).ToList();
                    Expression folded = arguments[0];
                    foreach (var argument in arguments.Skip(1))
                    {
                        folded = Expression.Call(function.Function == RuleFunction.Min ? DecimalMin : DecimalMax, folded, argument);
                    }

                    result = function.Function switch
                    {
                        RuleFunction.Abs => Expression.Call(DecimalAbs, folded),
                        RuleFunction.Round => Expression.Call(DecimalRound, folded, Expression.Constant(function.Digits), Expression.Constant(MidpointRounding.AwayFromZero)),
                        _ => folded,
                    };
                    break;
                default:
                    result = Expression.Constant(0m);
                    break;
            }

            var temporary = Expression.Variable(typeof(decimal), "t" + locals.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            locals.Add(temporary);
            checks.Add(Expression.Assign(temporary, result));
            return temporary;
        }
    }

    internal static bool UsesAmounts(RuleInstance instance) =>
        instance.Rule.Tolerance is not null
        || instance.Left.Terms.Concat(instance.Right.Terms).Any(t => !t.Cell.Type.IsWholeNumber)
        || instance.Left.Constant != decimal.Truncate(instance.Left.Constant)
        || instance.Right.Constant != decimal.Truncate(instance.Right.Constant);

    private static PropertyInfo Property(string name) =>
        typeof(ReportValues).GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"ReportValues.{name} is missing.");

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
