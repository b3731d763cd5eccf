using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

/// <summary>Arithmetic, conditions, scopes (<c>for each group|table in (...)</c>), item lists and message placeholders.</summary>
internal sealed partial class Binder
{
    private static readonly string[] KnownPlaceholders = ["column", "group", "left", "right", "row"];

    /// <summary>Binds a rule once per scope it lists (or once), as one rule with one code.</summary>
    private RuleSymbol BindRule(TableSymbol table, RuleDeclarationSyntax syntax)
    {
        var checkSemantics = !ContainsSyntaxError(syntax);
        var scopes = syntax.Quantifiers.Where(q => q.IsScope && !q.Axis.IsMissing).ToList();
        if (!checkSemantics || scopes.Count == 0)
        {
            return new RuleBinder(this, table, syntax).Bind(checkSemantics);
        }

        foreach (var extra in scopes.Skip(1))
        {
            Report(DiagnosticCatalog.DuplicateScope(_source, extra.Span));
        }

        var targets = ResolveScopes(table, scopes[0]);
        if (targets.Count == 0)
        {
            return new RuleBinder(this, table, syntax).Bind(checkSemantics: false);
        }

        // Each scope is bound on its own; the same mistake in every scope is reported once.
        var start = _diagnostics.Count;
        var bound = targets.Select(t => new RuleBinder(this, t.Table, syntax, t.Group).Bind(checkSemantics: true)).ToList();
        var seen = new HashSet<(string, int, int, string)>();
        var kept = _diagnostics.Skip(start).Where(d => seen.Add((d.Code, d.Span.Start, d.Span.Length, d.Message))).ToList();
        _diagnostics.RemoveRange(start, _diagnostics.Count - start);
        _diagnostics.AddRange(kept);

        var first = bound[0];
        return new RuleSymbol(
            first.Code,
            _source,
            syntax.Code.Span,
            table,
            first.Severity,
            first.Message,
            first.Tolerance,
            first.Quantifiers,
            first.Left,
            first.Operator,
            first.Right,
            first.Condition,
            [.. bound.SelectMany(b => b.Scopes)],
            first.IsToleranceImplied,
            first.MessageParts);
    }

    private List<(TableSymbol Table, AxisItemSymbol? Group)> ResolveScopes(TableSymbol table, QuantifierSyntax quantifier)
    {
        var result = new List<(TableSymbol, AxisItemSymbol?)>();
        if (quantifier.List is null)
        {
            Report(DiagnosticCatalog.ScopeNeedsList(_source, quantifier.Span, quantifier.Axis.Text));
            return result;
        }

        var isTable = quantifier.Axis.Kind == SyntaxKind.TableKeyword;
        foreach (var path in quantifier.Items)
        {
            if (path.Names.Any(n => n.IsMissing))
            {
                continue;
            }

            var names = path.Names.ToList();
            if (isTable)
            {
                if (names.Count == 1 && _allTables.FirstOrDefault(t => t.Name == names[0].Text) is { } found)
                {
                    result.Add((found, null));
                }
                else
                {
                    var failed = names.Count == 1 ? names[0] : names[1];
                    Report(DiagnosticCatalog.UnknownName(_source, failed.Span, failed.Text, new LocalizableText("Scope_Format"), NameSuggester.Suggest(failed.Text, _allTables.Select(t => t.Name))));
                }

                continue;
            }

            var (asRow, rowFailedAt) = Walk(table.Rows, names);
            var (asColumn, columnFailedAt) = Walk(table.Columns, names);
            var item = asRow ?? asColumn;
            if (item is null)
            {
                var failedAxis = rowFailedAt >= columnFailedAt ? Axis.Row : Axis.Column;
                ReportUnknown(table, names, Axis.Row, failedAxis, Math.Max(rowFailedAt, columnFailedAt), includeTables: false);
            }
            else if (!item.IsGroup)
            {
                Report(DiagnosticCatalog.NotAGroup(_source, path.Span, path.DisplayText));
            }
            else
            {
                result.Add((table, item));
            }
        }

        return result;
    }

    private sealed partial class RuleBinder
    {
        // Under a quantifier, the cells a reference reads may have another unit in each row or column (预算数 in 万元,
        // 比例 in %). Such a type carries one unit per quantified item, in the quantifier's order, after this mark; two
        // of them combine item by item, so a mix is reported once, naming the item where it happens.
        private const char PerItemMark = '\u001E';
        private const char PerItemSeparator = '\u001F';

        /// <summary>
        /// The type of a quantified reference whose unit differs between quantified items: one unit per combination of
        /// the rule's quantified row and column, in quantifier order. Cells of one item in different units are reported.
        /// </summary>
        private ExpressionType PerItemUnits(
            TableSymbol target,
            (ImmutableArray<AxisItemSymbol>? Fixed, ImmutableArray<AxisItemSymbol> Items) rows,
            (ImmutableArray<AxisItemSymbol>? Fixed, ImmutableArray<AxisItemSymbol> Items) columns,
            ExpressionType uniform,
            Text.TextSpan span)
        {
            var rowCount = rows.Fixed is null ? rows.Items.Length : Math.Max(1, _rowQuantifier?.Items.Length ?? 1);
            var columnCount = columns.Fixed is null ? columns.Items.Length : Math.Max(1, _columnQuantifier?.Items.Length ?? 1);
            var units = new List<string?>();
            for (var r = 0; r < rowCount; r++)
            {
                for (var c = 0; c < columnCount; c++)
                {
                    var cellRows = rows.Fixed ?? [rows.Items[r]];
                    var cellColumns = columns.Fixed ?? [columns.Items[c]];
                    var found = cellRows.SelectMany(row => cellColumns.Select(column => target.GetCell(row, column))).OfType<CellSymbol>()
                        .Select(cell => cell.Type.Unit).OfType<string>().Distinct().ToList();
                    if (found.Count > 1)
                    {
                        binder.Report(ItemAt((r * columnCount) + c) is { } item
                            ? DiagnosticCatalog.UnitMismatchAt(_source, span, found[0], found[1], item)
                            : DiagnosticCatalog.UnitMismatch(_source, span, found[0], found[1]));
                        return ExpressionType.Error;
                    }

                    units.Add(found.FirstOrDefault());
                }
            }

            return units.Distinct().Count() <= 1 ? uniform with { Unit = units.FirstOrDefault() ?? uniform.Unit } : new ExpressionType(ValueKind.Amount, PerItemMark + string.Join(PerItemSeparator.ToString(), units.Select(u => u ?? string.Empty)));
        }

        /// <summary>Two units that differ: an error unless they are per-item units that agree item by item.</summary>
        private ExpressionType CombineUnits(string left, string right, Text.TextSpan span)
        {
            var leftUnits = Units(left);
            var rightUnits = Units(right);
            var count = Math.Max(leftUnits.Length, rightUnits.Length);
            var merged = new string[count];
            for (var i = 0; i < count; i++)
            {
                var l = leftUnits[leftUnits.Length == 1 ? 0 : i];
                var r = rightUnits[rightUnits.Length == 1 ? 0 : i];
                if (l.Length > 0 && r.Length > 0 && l != r)
                {
                    // The same two units in every item is a plain mismatch; otherwise name the item where it happens.
                    var item = leftUnits.Length == 1 && rightUnits.Length == 1 ? ScopeLabel() : ItemAt(i);
                    binder.Report(item is null
                        ? DiagnosticCatalog.UnitMismatch(_source, span, l, r)
                        : DiagnosticCatalog.UnitMismatchAt(_source, span, l, r, item));
                    return ExpressionType.Error;
                }

                merged[i] = l.Length > 0 ? l : r;
            }

            return merged.Distinct().Count() == 1
                ? new ExpressionType(ValueKind.Amount, merged[0].Length == 0 ? null : merged[0])
                : new ExpressionType(ValueKind.Amount, PerItemMark + string.Join(PerItemSeparator.ToString(), merged));
        }

        /// <summary>How a unit reads in a message: the first unit of a per-item unit.</summary>
        internal static string Display(string unit) => Units(unit).FirstOrDefault(u => u.Length > 0) ?? unit;

        private static string[] Units(string unit) =>
            unit.Length > 0 && unit[0] == PerItemMark ? unit.Substring(1).Split(PerItemSeparator) : [unit];

        /// <summary>The label of the quantified row and column at a per-item index, in quantifier order.</summary>
        private string? ItemAt(int index)
        {
            var columns = _columnQuantifier?.Items ?? [];
            var rows = _rowQuantifier?.Items ?? [];
            var parts = new List<string>();
            if (rows.Length > 0)
            {
                parts.Add(string.Join("/", rows[columns.Length > 0 ? index / columns.Length : index].LabelPath));
            }

            if (columns.Length > 0)
            {
                parts.Add(string.Join("/", columns[index % columns.Length].LabelPath));
            }

            if (ScopeLabel() is { } scope)
            {
                parts.Insert(0, scope);
            }

            return parts.Count == 0 ? null : string.Join(" × ", parts);
        }

        /// <summary>
        /// Under <c>for each group|table in (...)</c>, the group or table this binding is for: units may differ from one to
        /// the next, so a mismatch names the one where it happens.
        /// </summary>
        private string? ScopeLabel() => syntax.Quantifiers.Any(q => q.IsScope)
            ? scopeGroup is { } group ? string.Join("/", group.LabelPath) : table.Label
            : null;

        /// <summary>The items of <c>for each row|column in (a, b, c)</c>: each leaf, or the value leaves of each group.</summary>
        private ImmutableArray<AxisItemSymbol>? BindItemList(QuantifierSyntax quantifier, Axis axis)
        {
            var items = new List<AxisItemSymbol>();
            var failed = false;
            foreach (var path in quantifier.Items)
            {
                if (path.Names.Any(n => n.IsMissing))
                {
                    failed = true;
                    continue;
                }

                var names = path.Names.ToList();
                var (found, failedAt) = Walk(table.ItemsOf(axis), names);
                var (other, otherFailedAt) = Walk(table.ItemsOf(Other(axis)), names);
                if (found is null && other is not null)
                {
                    binder.Report(DiagnosticCatalog.QuantifierOverWrongAxis(_source, path.Span, axis == Axis.Row, path.DisplayText));
                    failed = true;
                }
                else if (found is null)
                {
                    binder.ReportUnknown(table, names, axis, failedAt >= otherFailedAt ? axis : Other(axis), Math.Max(failedAt, otherFailedAt), includeTables: false);
                    failed = true;
                }
                else
                {
                    items.AddRange(found.IsGroup ? found.ValueLeaves() : found.HoldsValues ? [found] : []);
                }
            }

            return failed ? null : [.. items.Distinct()];
        }

        private BoundExpression BindMultiplicative(MultiplicativeExpressionSyntax multiplicative)
        {
            BoundExpression? result = null;
            foreach (var (op, operandSyntax) in multiplicative.Factors())
            {
                var operand = BindExpression(operandSyntax);
                if (result is null)
                {
                    result = operand;
                    continue;
                }

                var isDivide = op?.Kind == SyntaxKind.SlashToken;
                result = new BoundBinary(isDivide ? ArithmeticOperator.Divide : ArithmeticOperator.Multiply, result, operand, ProductType(result.Type, operand.Type, isDivide));
            }

            return result ?? new BoundErrorExpression();
        }

        /// <summary>
        /// Whole × whole stays whole; anything divided, or an amount times anything, is an amount. Its unit is the one
        /// unit involved (万元 × 2, 万元 / 12), and none for a ratio of two amounts or a product of two (a percentage
        /// or a rate, which compares with amounts of any unit, as a written number does).
        /// </summary>
        private static ExpressionType ProductType(ExpressionType left, ExpressionType right, bool isDivide)
        {
            if (left.Kind == ValueKind.Error || right.Kind == ValueKind.Error)
            {
                return ExpressionType.Error;
            }

            if (!isDivide && left.Kind == ValueKind.Whole && right.Kind == ValueKind.Whole)
            {
                return left;
            }

            var leftUnit = left.Kind == ValueKind.Amount ? left.Unit : null;
            var rightUnit = right.Kind == ValueKind.Amount ? right.Unit : null;
            var unit = (leftUnit, rightUnit) switch
            {
                (not null, null) => leftUnit,
                (null, not null) when !isDivide => rightUnit,
                _ => null,
            };
            return new ExpressionType(ValueKind.Amount, unit);
        }

        private BoundExpression BindFunction(CallExpressionSyntax call, List<ExpressionSyntax> arguments)
        {
            var name = call.Name.Text;
            var function = name switch
            {
                "abs" => RuleFunction.Abs,
                "round" => RuleFunction.Round,
                "min" => RuleFunction.Min,
                _ => RuleFunction.Max,
            };
            var (fewest, most) = function switch
            {
                RuleFunction.Abs => (1, 1),
                RuleFunction.Round => (1, 2),
                _ => (2, int.MaxValue),
            };
            if (arguments.Count < fewest || arguments.Count > most)
            {
                binder.Report(DiagnosticCatalog.WrongArgumentCount(_source, call.Span, name, arguments.Count < fewest ? fewest : most, arguments.Count));
                return new BoundErrorExpression();
            }

            var digits = 0;
            if (function == RuleFunction.Round && arguments.Count == 2)
            {
                if (arguments[1] is not NumberExpressionSyntax { Number.Value: long places } || places > 18)
                {
                    binder.Report(DiagnosticCatalog.InvalidRoundDigits(_source, arguments[1].Span));
                    return new BoundErrorExpression();
                }

                digits = (int)places;
                arguments = [arguments[0]];
            }

            var bound = arguments.Select(BindExpression).ToImmutableArray();
            var type = bound[0].Type;
            var constantSoFar = IsConstant(bound[0]);
            for (var i = 1; i < bound.Length; i++)
            {
                type = Combine(type, bound[i].Type, constantSoFar, IsConstant(bound[i]), arguments[i].Span);
                constantSoFar &= IsConstant(bound[i]);
            }

            return new BoundFunction(function, bound, digits, type);
        }

        private BoundCondition BindCondition(ConditionSyntax condition)
        {
            switch (condition)
            {
                case ParenthesizedConditionSyntax parenthesized:
                    return BindCondition(parenthesized.Condition);
                case NotConditionSyntax not:
                    return new BoundNot(BindCondition(not.Operand));
                case LogicalConditionSyntax logical:
                    return new BoundLogical(logical.IsAnd, [.. logical.Operands.Select(BindCondition)]);
                case ComparisonSyntax comparison:
                    if (BindValueTest(comparison) is { } test)
                    {
                        return test;
                    }

                    var left = BindExpression(comparison.Left);
                    var right = BindExpression(comparison.Right);
                    Combine(left.Type, right.Type, IsConstant(left), IsConstant(right), comparison.Span);
                    return new BoundComparison(left, Operator(comparison.Operator.Kind), right);
                default:
                    return new BoundLogical(IsAnd: true, []);
            }
        }

        /// <summary>Reports the outermost part of a condition that is always true or always false.</summary>
        private void CheckCondition(BoundCondition condition, ConditionSyntax? syntaxNode)
        {
            if (syntaxNode is null)
            {
                return;
            }

            if (ConditionFacts.Constant(condition, IsCountCell) is { } always)
            {
                binder.Report(always
                    ? DiagnosticCatalog.ConditionAlwaysTrue(_source, syntaxNode.Span)
                    : DiagnosticCatalog.ConditionAlwaysFalse(_source, syntaxNode.Span));
                return;
            }

            switch ((condition, Unwrap(syntaxNode)))
            {
                case (BoundNot not, NotConditionSyntax notSyntax):
                    CheckCondition(not.Operand, notSyntax.Operand);
                    break;
                case (BoundLogical logical, LogicalConditionSyntax logicalSyntax):
                    foreach (var (operand, operandSyntax) in logical.Operands.Zip(logicalSyntax.Operands, (o, n) => (o, n)))
                    {
                        CheckCondition(operand, operandSyntax);
                    }

                    break;
            }
        }

        private static ConditionSyntax Unwrap(ConditionSyntax condition) =>
            condition is ParenthesizedConditionSyntax parenthesized ? Unwrap(parenthesized.Condition) : condition;

        private static bool IsCountCell(CellSymbol cell) => cell.Type.Kind == CellTypeKind.Count;

        /// <summary>The precision a ratio is compared at: that of the cells of a side that does not divide, else of all its cells.</summary>
        private int ComparedPrecision(BoundExpression left, BoundExpression right)
        {
            var compared = !BoundFacts.Divides(left) ? left : !BoundFacts.Divides(right) ? right : null;
            var cells = compared is null ? CellsOf(left).Concat(CellsOf(right)) : CellsOf(compared);
            return cells.Select(c => c.Type.Precision).DefaultIfEmpty(0).Max();
        }

        private IEnumerable<CellSymbol> CellsOf(BoundExpression expression) => expression switch
        {
            BoundCells cells => ConditionFacts.CellsOf(cells),
            BoundAdditive additive => additive.Terms.SelectMany(t => CellsOf(t.Operand)),
            BoundBinary binary => CellsOf(binary.Left).Concat(CellsOf(binary.Right)),
            BoundNegation negation => CellsOf(negation.Operand),
            BoundAmountConversion conversion => CellsOf(conversion.Operand),
            BoundFunction function => function.Arguments.SelectMany(CellsOf),
            _ => [],
        };

        /// <summary>Cuts the message at its placeholders; <c>{{</c> and <c>}}</c> are braces.</summary>
        private ImmutableArray<MessagePart> BindMessage()
        {
            var text = syntax.Message.ValueText;
            if (syntax.Message.IsMissing || text.IndexOfAny(['{', '}']) < 0)
            {
                return [];
            }

            var parts = ImmutableArray.CreateBuilder<MessagePart>();
            var literal = new System.Text.StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
                {
                    literal.Append(c);
                    i++;
                    continue;
                }

                var close = c == '{' ? text.IndexOf('}', i + 1) : -1;
                if (close < 0)
                {
                    literal.Append(c);
                    if (c is '{' or '}')
                    {
                        binder.Report(DiagnosticCatalog.UnknownPlaceholder(_source, syntax.Message.Span, c.ToString(), KnownPlaceholders));
                    }

                    continue;
                }

                var name = text[(i + 1)..close].Trim();
                MessagePlaceholder? placeholder = name switch
                {
                    "left" => MessagePlaceholder.Left,
                    "right" => MessagePlaceholder.Right,
                    "row" => MessagePlaceholder.Row,
                    "column" => MessagePlaceholder.Column,
                    "group" => MessagePlaceholder.Group,
                    _ => null,
                };
                if (placeholder is null)
                {
                    binder.Report(DiagnosticCatalog.UnknownPlaceholder(_source, syntax.Message.Span, name, KnownPlaceholders));
                    literal.Append(text, i, close - i + 1);
                }
                else
                {
                    if (literal.Length > 0)
                    {
                        parts.Add(new MessagePart(MessagePlaceholder.Text, literal.ToString()));
                        literal.Clear();
                    }

                    parts.Add(new MessagePart(placeholder.Value, name));
                }

                i = close;
            }

            if (literal.Length > 0)
            {
                parts.Add(new MessagePart(MessagePlaceholder.Text, literal.ToString()));
            }

            return parts.ToImmutable();
        }
    }
}
