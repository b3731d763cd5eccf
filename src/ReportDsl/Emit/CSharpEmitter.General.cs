using System.Globalization;
using System.Text;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;

namespace ReportDsl.Emit;

/// <summary>The emitted code of rules with a condition or arithmetic beyond sums.</summary>
public static partial class CSharpEmitter
{
    /// <summary>
    /// Mirrors InstanceCheck's general path step by step: condition cells present, the condition (jumps that stop once
    /// the answer is known), side cells present, both sides in decimal, a divisor of 0 as RD3160, then the comparison.
    /// </summary>
    private static void EmitGeneralInstance(StringBuilder w, RuleInstance instance, Dictionary<CellSymbol, string> names, bool guarded, int index)
    {
        var rule = instance.Rule;
        var severity = rule.Severity == RuleSeverity.Error ? "error" : "warning";
        var at = new[] { instance.Row, instance.Column }.OfType<AxisItemSymbol>().Select(i => string.Join("/", i.LabelPath)).ToList();
        w.Append("        // ").Append(OneLine(rule.Code)).Append(" (").Append(severity).Append(')');
        if (at.Count > 0)
        {
            w.Append(" at ").Append(OneLine(string.Join(" × ", at)));
        }

        w.Append(": ").Append(OneLine(instance.LeftValue.ToString())).Append(' ').Append(ComparisonOperatorFacts.Symbol(rule.Operator)).Append(' ').Append(OneLine(instance.RightValue.ToString()));
        if (instance.Condition is { } shownCondition)
        {
            w.Append(" when ").Append(OneLine(shownCondition.ToString()));
        }

        w.Append('\n');
        var cells = instance.ConditionCells().Concat(instance.SideCells()).ToList();
        var writer = new GeneralWriter(instance, names, "n" + index.ToString(CultureInfo.InvariantCulture));
        w.Append(cells.Any(t => t.IsPrevious) ? "        if (previous is not null)\n" : string.Empty).Append("        {\n");
        var lines = writer.Write(guarded);
        foreach (var line in lines.Where(l => !l.IsLabel || writer.IsReferenced(l.Text)))
        {
            w.Append("            ").Append(line.IsLabel ? line.Text + ": ;" : line.Text).Append('\n');
        }

        w.Append("        }\n");
    }

    private readonly record struct Line(string Text, bool IsLabel);

    /// <summary>The C# expression of a finding's message: the rule's message with its placeholders filled in, as the validator does.</summary>
    private static string MessageExpression(RuleInstance instance, string left, string right)
    {
        var parts = instance.Rule.MessageParts;
        if (parts.IsEmpty)
        {
            return Literal(instance.Rule.Message);
        }

        return string.Join(" + ", parts.Select(p => p.Placeholder switch
        {
            MessagePlaceholder.Left => left + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            MessagePlaceholder.Right => right + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            MessagePlaceholder.Row => Literal(instance.Row is { } row ? string.Join("/", row.LabelPath) : string.Empty),
            MessagePlaceholder.Column => Literal(instance.Column is { } column ? string.Join("/", column.LabelPath) : string.Empty),
            MessagePlaceholder.Group => Literal(ScopeLabel(instance) ?? string.Empty),
            _ => Literal(p.Text),
        }));
    }

    private static string? ScopeLabel(RuleInstance instance) => instance.Scope is { } scope && instance.Rule.Scopes.Length > 1
        ? scope.Group is { } group ? string.Join("/", group.LabelPath) : scope.Table.Label
        : null;

    private sealed class GeneralWriter(RuleInstance instance, Dictionary<CellSymbol, string> names, string prefix)
    {
        private readonly List<Line> _lines = [];
        private readonly HashSet<string> _referenced = [];
        private readonly Dictionary<(CellSymbol, bool), string> _variables = [];
        private int _temporaries;
        private int _labels;
        private string _indent = string.Empty;

        private string Next => prefix + "_next";

        private string Zero => prefix + "_zero";

        public bool IsReferenced(string label) => _referenced.Contains(label);

        public List<Line> Write(bool guarded)
        {
            var rule = instance.Rule;
            if (instance.LeftValue is PresenceValue presence)
            {
                return WritePresence(presence, guarded);
            }

            Presence(instance.ConditionCells());
            if (guarded)
            {
                Add("try");
                Add("{");
                _indent = "    ";
            }

            if (instance.Condition is { } condition)
            {
                var applies = Label();
                Condition(condition, Next, applies);
                _lines.Add(new Line(applies, IsLabel: true));
            }

            if (guarded)
            {
                // Presence of the side cells is checked outside any arithmetic, as InstanceCheck does; the try only
                // guards the sums. It is closed and reopened around the checks so that the order stays the same.
                _indent = string.Empty;
                Add("}");
                Overflow();
            }

            Presence(instance.SideCells());
            if (guarded)
            {
                Add("try");
                Add("{");
                _indent = "    ";
            }

            var left = Value(instance.LeftValue);
            var right = Value(instance.RightValue);
            Add("if (!(" + Holds(rule.Operator, rule.Tolerance ?? 0m, amounts: true).Replace("left", left).Replace("right", right) + "))");
            Add("{");
            // Shown to six decimals, as the in-process validator shows them: a quotient carries 28 digits.
            var shownLeft = "global::System.Math.Round(" + left + ", 6, global::System.MidpointRounding.AwayFromZero)";
            var shownRight = "global::System.Math.Round(" + right + ", 6, global::System.MidpointRounding.AwayFromZero)";
            Add("    Add(ref findings, new Finding(" + Literal(rule.Code) + ", " + Literal(rule.Code) + ", \"" + Severity(rule) + "\", " + CellIds(instance.ConditionCells().Concat(instance.SideCells())) + ", " + shownLeft + ", " + shownRight + ", " + Message(shownLeft, shownRight) + "));");
            Add("}");
            if (guarded)
            {
                _indent = string.Empty;
                Add("}");
                Overflow();
            }

            if (instance.Divisors().Any())
            {
                Jump(Next);
                _lines.Add(new Line(Zero, IsLabel: true));
            }

            _lines.Add(new Line(Next, IsLabel: true));
            return _lines;
        }

        /// <summary>An existence rule, as InstanceCheck checks it: the condition, then the target; its finding has sides 0 and 1.</summary>
        private List<Line> WritePresence(PresenceValue presence, bool guarded)
        {
            var rule = instance.Rule;
            Presence(instance.ConditionCells());
            if (instance.Condition is { } condition)
            {
                if (guarded)
                {
                    Add("try");
                    Add("{");
                    _indent = "    ";
                }

                var applies = Label();
                Condition(condition, Next, applies);
                _lines.Add(new Line(applies, IsLabel: true));
                if (guarded)
                {
                    _indent = string.Empty;
                    Add("}");
                    Overflow();
                }
            }

            var present = new List<string>();
            if (presence.Text is { } section)
            {
                // Without the sections' text, what depends on it is not checked.
                Add("if (report.SectionTexts is null)");
                Add("{");
                Jump(Next, "    ");
                Add("}");
                if (presence.Cells.IsEmpty)
                {
                    present.Add("(report.SectionTexts.TryGetValue(" + Literal(section.Name) + ", out var " + prefix + "_text) && !string.IsNullOrWhiteSpace(" + prefix + "_text))");
                }
            }

            present.AddRange(presence.Cells.Select(t => "report." + names[t.Cell] + " is not null"));
            Add("if (" + string.Join(" || ", present) + ")");
            Add("{");
            Jump(Next, "    ");
            Add("}");
            Add("Add(ref findings, new Finding(" + Literal(rule.Code) + ", " + Literal(rule.Code) + ", \"" + Severity(rule) + "\", " + CellIds(instance.ConditionCells().Concat(instance.TargetCells())) + ", null, null, " + Message("0m", "1m") + "));");
            if (instance.Divisors().Any())
            {
                Jump(Next);
                _lines.Add(new Line(Zero, IsLabel: true));
            }

            _lines.Add(new Line(Next, IsLabel: true));
            return _lines;
        }

        private static string Severity(RuleSymbol rule) => rule.Severity == RuleSeverity.Error ? "error" : "warning";

        private void Overflow()
        {
            var ids = instance.ConditionCells().Concat(instance.SideCells()).Select(t => t.Cell.Id);
            var message = string.Format(CultureInfo.InvariantCulture, DiagnosticCatalog.RD3108.GetMessageFormat(CultureInfo.InvariantCulture), instance.Rule.Code, string.Join(", ", ids));
            Add("catch (global::System.OverflowException)");
            Add("{");
            Add("    Add(ref findings, new Finding(\"RD3108\", " + Literal(instance.Rule.Code) + ", \"error\", " + CellIds(instance.ConditionCells().Concat(instance.SideCells())) + ", null, null, " + Literal(message) + "));");
            Jump(Next, "    ");
            Add("}");
        }

        private void Presence(IEnumerable<LinearTerm> cells)
        {
            foreach (var term in cells)
            {
                var variable = "v" + _variables.Count.ToString(CultureInfo.InvariantCulture);
                var id = (term.IsPrevious ? "previous " : string.Empty) + term.Cell.Id;
                var message = string.Format(CultureInfo.InvariantCulture, DiagnosticCatalog.RD3102.GetMessageFormat(CultureInfo.InvariantCulture), instance.Rule.Code, id);
                var property = (term.IsPrevious ? "previous." : "report.") + names[term.Cell];
                if (term.Cell.Type.Default is { } value)
                {
                    // A blank cell takes its type's default, as the report-data reader gives it.
                    property = "(" + property + " ?? " + DefaultLiteral(term.Cell.Type, value) + ")";
                }

                Add("if (" + property + " is not " + TypeOf(term.Cell.Type) + " " + variable + ")");
                Add("{");
                if (term.Cell.Fact is null && term.Cell.Presence != Semantics.Presence.Optional)
                {
                    // A fact the text does not state, or an optional cell left blank: the rule is not checked, and says nothing.
                    Add("    Add(ref findings, new Finding(\"RD3102\", " + Literal(instance.Rule.Code) + ", \"warning\", new[] { " + Literal(id) + " }, null, null, " + Literal(message) + "));");
                }

                Jump(Next, "    ");
                Add("}");
                _variables[(term.Cell, term.IsPrevious)] = variable;
            }
        }

        private void Condition(InstanceCondition condition, string onFalse, string onTrue)
        {
            switch (condition)
            {
                case InstanceComparison comparison:
                    var left = Value(comparison.Left);
                    var right = Value(comparison.Right);
                    Add("if (" + Holds(comparison.Operator, 0m, amounts: true).Replace("left", left).Replace("right", right) + ")");
                    Add("{");
                    Jump(onTrue, "    ");
                    Add("}");
                    Jump(onFalse);
                    break;
                case InstanceValueTest test:
                    Add("if (" + Test(test) + ")");
                    Add("{");
                    Jump(onTrue, "    ");
                    Add("}");
                    Jump(onFalse);
                    break;
                case InstanceNot not:
                    Condition(not.Operand, onTrue, onFalse);
                    break;
                case InstanceLogical logical:
                    if (logical.Operands.IsEmpty)
                    {
                        Jump(logical.IsAnd ? onTrue : onFalse);
                        break;
                    }

                    for (var i = 0; i < logical.Operands.Length; i++)
                    {
                        if (i == logical.Operands.Length - 1)
                        {
                            Condition(logical.Operands[i], onFalse, onTrue);
                            break;
                        }

                        var middle = Label();
                        Condition(logical.Operands[i], logical.IsAnd ? onFalse : middle, logical.IsAnd ? middle : onTrue);
                        _lines.Add(new Line(middle, IsLabel: true));
                    }

                    break;
            }
        }

        /// <summary>A value test as ValueFacts.Holds decides it, with the helpers EmitValueHelpers writes.</summary>
        private string Test(InstanceValueTest test)
        {
            var left = _variables[(test.Cell.Cell, test.Cell.IsPrevious)];
            var right = test.Other is { } other ? _variables[(other.Cell, other.IsPrevious)] : Literal(test.Literal ?? string.Empty);
            var equal = test.Operator == ComparisonOperator.Equal;
            switch (test.Kind)
            {
                case CellTypeKind.Date:
                    var order = prefix + "_o" + _temporaries++.ToString(CultureInfo.InvariantCulture);
                    return "CompareDays(" + left + ", " + right + ") is int " + order + " && " + order + " " + (equal ? "==" : ComparisonOperatorFacts.Symbol(test.Operator)) + " 0";
                case CellTypeKind.Boolean:
                    return "Truth(" + left + ") " + (equal ? "==" : "!=") + " Truth(" + right + ")";
                default:
                    return (equal ? string.Empty : "!") + "Same(" + left + ", " + right + ")";
            }
        }

        private string Value(InstanceValue value)
        {
            string expression;
            switch (value)
            {
                case LinearValue linear:
                    var parts = new List<string>();
                    foreach (var term in linear.Combination.Terms)
                    {
                        var part = "(decimal)" + _variables[(term.Cell, term.IsPrevious)];
                        parts.Add(term.Coefficient == 1 ? part : part + " * " + Number(term.Coefficient, amounts: true));
                    }

                    if (parts.Count == 0 || linear.Combination.Constant != 0)
                    {
                        parts.Add(Number(linear.Combination.Constant, amounts: true));
                    }

                    expression = string.Join(" + ", parts);
                    break;
                case NegatedValue negated:
                    expression = "-" + Value(negated.Operand);
                    break;
                case ArithmeticValue arithmetic:
                    var left = Value(arithmetic.Left);
                    var right = Value(arithmetic.Right);
                    if (arithmetic.Operator == ArithmeticOperator.Divide)
                    {
                        Add("if (" + right + " == 0m)");
                        Add("{");
                        Add("    Add(ref findings, " + DivisionFinding(arithmetic.Right) + ");");
                        Jump(Zero, "    ");
                        Add("}");
                    }

                    expression = left + " " + ArithmeticValue.Symbol(arithmetic.Operator) + " " + right;
                    break;
                case FunctionValue function:
                    var arguments = function.Arguments.Select(Value).ToList();
                    var folded = arguments[0];
                    foreach (var argument in arguments.Skip(1))
                    {
                        folded = "global::System.Math." + (function.Function == RuleFunction.Min ? "Min" : "Max") + "(" + folded + ", " + argument + ")";
                    }

                    expression = function.Function switch
                    {
                        RuleFunction.Abs => "global::System.Math.Abs(" + folded + ")",
                        RuleFunction.Round => "global::System.Math.Round(" + folded + ", " + function.Digits.ToString(CultureInfo.InvariantCulture) + ", global::System.MidpointRounding.AwayFromZero)",
                        _ => folded,
                    };
                    break;
                default:
                    expression = "0m";
                    break;
            }

            var temporary = "t" + _temporaries++.ToString(CultureInfo.InvariantCulture);
            Add("decimal " + temporary + " = " + expression + ";");
            return temporary;
        }

        private string DivisionFinding(InstanceValue divisor)
        {
            var cells = divisor.Terms().DistinctBy(t => (t.Cell, t.IsPrevious)).ToList();
            var ids = cells.Select(t => (t.IsPrevious ? "previous " : string.Empty) + t.Cell.Id).ToList();
            var message = string.Format(
                CultureInfo.InvariantCulture,
                DiagnosticCatalog.RD3160.GetMessageFormat(CultureInfo.InvariantCulture),
                instance.Rule.Code,
                divisor.ToString(t => (t.IsPrevious ? "上年" : string.Empty) + string.Join("/", t.Cell.Row.LabelPath) + "[" + string.Join("/", t.Cell.Column.LabelPath) + "]"),
                string.Join(", ", ids));
            return "new Finding(\"RD3160\", " + Literal(instance.Rule.Code) + ", \"error\", " + CellIds(cells) + ", null, null, " + Literal(message) + ")";
        }

        private static string CellIds(IEnumerable<LinearTerm> cells)
        {
            var ids = cells.Select(t => Literal((t.IsPrevious ? "previous " : string.Empty) + t.Cell.Id)).ToList();
            // An existence rule over a table or a section's text, without a condition, names no cell.
            return ids.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", ids) + " }";
        }

        private string Message(string left, string right) => MessageExpression(instance, left, right);

        private string Label() => prefix + "_l" + _labels++.ToString(CultureInfo.InvariantCulture);

        private void Jump(string label, string extra = "")
        {
            _referenced.Add(label);
            _lines.Add(new Line(_indent + extra + "goto " + label + ";", IsLabel: false));
        }

        private void Add(string text) => _lines.Add(new Line(_indent + text, IsLabel: false));
    }
}
