using System.Collections.Immutable;
using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;
using ReportDsl.Text;

namespace ReportDsl.Binding;

internal sealed partial class Binder
{
    private static readonly string[] KnownFunctions = ["abs", "amount", "max", "min", "round", "sum"];

    private ImmutableArray<TableSymbol> _allTables = [];
    private Dictionary<(string Section, string Fact), FactSymbol> _facts = [];

    private void BindRules(FormatSymbol format)
    {
        _allTables = [.. format.Tables];
        _facts = format.Facts.GroupBy(f => (f.Section.Name, f.Name)).ToDictionary(g => g.Key, g => g.First());
        _sections = format.Sections;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var rulesByTable = new Dictionary<TableSymbol, List<RuleSymbol>>();
        foreach (var (table, syntax, tree) in _pendingRules)
        {
            Use(tree);
            if (!syntax.Code.IsMissing && !codes.Add(syntax.Code.Text))
            {
                Report(DiagnosticCatalog.DuplicateRuleCode(_source, syntax.Code.Span, syntax.Code.Text));
            }

            var rule = BindRule(table, syntax);
            if (!rulesByTable.TryGetValue(table, out var list))
            {
                rulesByTable[table] = list = [];
            }

            list.Add(rule);
        }

        foreach (var table in _allTables)
        {
            table.Rules = rulesByTable.TryGetValue(table, out var rules) ? [.. rules] : [];
        }
    }

    /// <summary>Binds one rule; keeps what its references depend on, for the quantifier and tolerance checks.</summary>
    private sealed partial class RuleBinder(Binder binder, TableSymbol table, RuleDeclarationSyntax syntax, AxisItemSymbol? scopeGroup = null)
    {
        private readonly SourceText _source = binder._source;
        private QuantifierSymbol? _rowQuantifier;
        private QuantifierSymbol? _columnQuantifier;
        private readonly HashSet<Axis> _failedQuantifiers = [];
        private bool _usesCurrentRow;
        private bool _usesCurrentColumn;
        private int _maxPrecision;

        public RuleSymbol Bind(bool checkSemantics)
        {
            if (!checkSemantics)
            {
                // The parser already reported this rule; what it recovered is not worth a second round of errors.
                return new RuleSymbol(syntax.Code.Text, _source, syntax.Code.Span, table, RuleSeverity.Error, syntax.Message.ValueText, null, [], new BoundErrorExpression(), ComparisonOperator.Equal, new BoundErrorExpression());
            }

            var severity = RuleSeverity.Error;
            if (!syntax.Severity.IsMissing)
            {
                switch (syntax.Severity.Text)
                {
                    case "error":
                        break;
                    case "warning":
                        severity = RuleSeverity.Warning;
                        break;
                    default:
                        binder.Report(DiagnosticCatalog.UnknownSeverity(_source, syntax.Severity.Span, syntax.Severity.Text));
                        break;
                }
            }

            if (syntax.Presence is { } presence)
            {
                return BindPresenceRule(presence, severity);
            }

            if (syntax.Comparison is not { } comparison)
            {
                return new RuleSymbol(syntax.Code.Text, _source, syntax.Code.Span, table, severity, syntax.Message.ValueText, null, [], new BoundErrorExpression(), ComparisonOperator.Equal, new BoundErrorExpression());
            }

            decimal? tolerance = syntax.Tolerance?.Value switch
            {
                long whole => whole,
                decimal fraction => fraction,
                _ => null,
            };

            var quantifiers = BindQuantifiers();
            var condition = syntax.When is { } when ? BindCondition(when.Condition) : null;
            var left = BindExpression(comparison.Left);
            var right = BindExpression(comparison.Right);
            var combined = Combine(left.Type, right.Type, IsConstant(left), IsConstant(right), comparison.Span);
            var implied = false;
            if (tolerance is null && (BoundFacts.Divides(left) || BoundFacts.Divides(right)) && combined.Kind != ValueKind.Error)
            {
                // A ratio or percentage is compared with a cell rounded to its declared precision: one unit of that place.
                tolerance = 1m / Pow10(ComparedPrecision(left, right));
                implied = true;
            }

            CheckTolerance(comparison, combined, tolerance, implied);
            CheckQuantifiersUsed();
            if (condition is not null)
            {
                CheckCondition(condition, syntax.When?.Condition);
            }

            var messageParts = BindMessage();

            return new RuleSymbol(
                syntax.Code.Text,
                _source,
                syntax.Code.Span,
                table,
                severity,
                syntax.Message.ValueText,
                tolerance,
                quantifiers,
                left,
                Operator(comparison.Operator.Kind),
                right,
                condition,
                [new RuleScope(table, scopeGroup, quantifiers, condition, left, right)],
                implied,
                messageParts);
        }

        internal static ComparisonOperator Operator(SyntaxKind kind) => kind switch
        {
            SyntaxKind.NotEqualsToken => ComparisonOperator.NotEqual,
            SyntaxKind.LessThanToken => ComparisonOperator.LessThan,
            SyntaxKind.LessThanOrEqualToken => ComparisonOperator.LessThanOrEqual,
            SyntaxKind.GreaterThanToken => ComparisonOperator.GreaterThan,
            SyntaxKind.GreaterThanOrEqualToken => ComparisonOperator.GreaterThanOrEqual,
            _ => ComparisonOperator.Equal,
        };

        private ImmutableArray<QuantifierSymbol> BindQuantifiers()
        {
            var result = ImmutableArray.CreateBuilder<QuantifierSymbol>();
            foreach (var quantifier in syntax.Quantifiers)
            {
                if (quantifier.Axis.IsMissing || quantifier.IsScope)
                {
                    continue;
                }

                var axis = quantifier.IsRows ? Axis.Row : Axis.Column;
                if ((axis == Axis.Row ? _rowQuantifier : _columnQuantifier) is not null)
                {
                    binder.Report(DiagnosticCatalog.DuplicateQuantifier(_source, quantifier.Span, axis == Axis.Row));
                    continue;
                }

                AxisItemSymbol? group = null;
                ImmutableArray<AxisItemSymbol> items = axis == Axis.Row ? table.ValueRows : table.ValueColumns;
                if (quantifier.Group is { } path && !path.Names.Any(n => n.IsMissing))
                {
                    var names = path.Names.ToList();
                    var (found, failedAt) = Walk(table.ItemsOf(axis), names);
                    var (other, otherFailedAt) = Walk(table.ItemsOf(Other(axis)), names);
                    if (found is null && other is not null)
                    {
                        binder.Report(DiagnosticCatalog.QuantifierOverWrongAxis(_source, path.Span, axis == Axis.Row, path.DisplayText));
                        _failedQuantifiers.Add(axis);
                        continue;
                    }

                    if (found is null)
                    {
                        binder.ReportUnknown(table, names, axis, failedAt >= otherFailedAt ? axis : Other(axis), Math.Max(failedAt, otherFailedAt), includeTables: false);
                        _failedQuantifiers.Add(axis);
                        continue;
                    }

                    group = found;
                    items = [.. found.ValueLeaves()];
                }
                else if (quantifier.List is not null)
                {
                    if (BindItemList(quantifier, axis) is not { } listed)
                    {
                        _failedQuantifiers.Add(axis);
                        continue;
                    }

                    items = listed;
                }

                var symbol = new QuantifierSymbol(axis, group, items);
                if (axis == Axis.Row)
                {
                    _rowQuantifier = symbol;
                }
                else
                {
                    _columnQuantifier = symbol;
                }

                result.Add(symbol);
            }

            return result.ToImmutable();
        }

        private void CheckQuantifiersUsed()
        {
            foreach (var quantifier in syntax.Quantifiers)
            {
                var isRow = quantifier.IsRows;
                var bound = isRow ? _rowQuantifier : _columnQuantifier;
                if (bound is not null && !(isRow ? _usesCurrentRow : _usesCurrentColumn))
                {
                    binder.Report(DiagnosticCatalog.UnusedQuantifier(_source, quantifier.Span, isRow));
                }
            }
        }

        private void CheckTolerance(ComparisonSyntax comparison, ExpressionType type, decimal? tolerance, bool implied)
        {
            var op = comparison.Operator.Kind;
            if (type.Kind == ValueKind.Amount && tolerance is null && !implied && op is SyntaxKind.EqualsToken or SyntaxKind.NotEqualsToken)
            {
                var suggested = _maxPrecision == 0 ? "0.5" : (1m / Pow10(_maxPrecision)).ToString(CultureInfo.InvariantCulture);
                binder.Report(DiagnosticCatalog.AmountsWithoutTolerance(_source, comparison.Span, suggested));
            }

            if (type.Kind == ValueKind.Whole && syntax.Tolerance is { IsMissing: false } written)
            {
                binder.Report(DiagnosticCatalog.UselessTolerance(_source, TextSpan.FromBounds(syntax.ToleranceKeyword?.Span.Start ?? written.Span.Start, written.Span.End)));
            }
        }

        private static decimal Pow10(int exponent)
        {
            var result = 1m;
            for (var i = 0; i < exponent; i++)
            {
                result *= 10;
            }

            return result;
        }

        private BoundExpression BindExpression(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case NumberExpressionSyntax number:
                    return number.Number.Value switch
                    {
                        long whole => new BoundNumber(whole, IsWhole: true),
                        decimal fraction => new BoundNumber(fraction, IsWhole: false),
                        _ => new BoundErrorExpression(),
                    };
                case ParenthesizedExpressionSyntax parenthesized:
                    return BindExpression(parenthesized.Expression);
                case AdditiveExpressionSyntax additive:
                    return BindAdditive(additive);
                case MultiplicativeExpressionSyntax multiplicative:
                    return BindMultiplicative(multiplicative);
                case UnaryExpressionSyntax unary:
                    var operand = BindExpression(unary.Operand);
                    return operand is BoundNumber written ? written with { Value = -written.Value } : new BoundNegation(operand);
                case CallExpressionSyntax call:
                    return BindCall(call);
                case CellReferenceSyntax reference:
                    return BindReference(reference, isSum: false);
                case StringExpressionSyntax text when !text.Value.IsMissing:
                    binder.Report(DiagnosticCatalog.WrittenValueOutsideTest(_source, text.Span, InstanceValueTest.Quote(text.Value.ValueText)));
                    return new BoundErrorExpression();
                default:
                    return new BoundErrorExpression();
            }
        }

        private BoundExpression BindAdditive(AdditiveExpressionSyntax additive)
        {
            var terms = ImmutableArray.CreateBuilder<BoundTerm>();
            ExpressionType? type = null;
            var constantSoFar = true;
            foreach (var (op, operandSyntax) in additive.SignedOperands())
            {
                var operand = BindExpression(operandSyntax);
                terms.Add(new BoundTerm(op?.Kind == SyntaxKind.MinusToken ? -1 : 1, operand));
                var operandIsConstant = IsConstant(operand);
                type = type is null ? operand.Type : Combine(type.Value, operand.Type, constantSoFar, operandIsConstant, operandSyntax.Span);
                constantSoFar &= operandIsConstant;
            }

            return new BoundAdditive(terms.ToImmutable(), type ?? ExpressionType.Error);
        }

        private BoundExpression BindCall(CallExpressionSyntax call)
        {
            var arguments = call.Arguments.ToList();
            if (call.Name.IsMissing)
            {
                return new BoundErrorExpression();
            }

            if (!KnownFunctions.Contains(call.Name.Text))
            {
                binder.Report(DiagnosticCatalog.UnknownFunction(_source, call.Name.Span, call.Name.Text, KnownFunctions));
                return new BoundErrorExpression();
            }

            if (call.Name.Text is "abs" or "round" or "min" or "max")
            {
                return BindFunction(call, arguments);
            }

            if (arguments.Count != 1)
            {
                binder.Report(DiagnosticCatalog.WrongArgumentCount(_source, call.Span, call.Name.Text, 1, arguments.Count));
                return new BoundErrorExpression();
            }

            if (call.Name.Text == "sum")
            {
                if (arguments[0] is not CellReferenceSyntax reference)
                {
                    binder.Report(DiagnosticCatalog.SumNeedsReference(_source, arguments[0].Span));
                    return new BoundErrorExpression();
                }

                return BindReference(reference, isSum: true);
            }

            var operand = BindExpression(arguments[0]);
            return operand.Type.Kind switch
            {
                ValueKind.Whole => new BoundAmountConversion(operand),
                ValueKind.Amount => operand,
                _ => new BoundErrorExpression(),
            };
        }

        private BoundExpression BindReference(CellReferenceSyntax reference, bool isSum)
        {
            if (reference.Row.Names.Any(n => n.IsMissing) || reference.Column?.Names.Any(n => n.IsMissing) == true)
            {
                return new BoundErrorExpression();
            }

            // The first name is an item of the rule's own table or, failing that, another table; "section.fact" is a fact.
            var names = reference.Row.Names.ToList();
            if (!table.Rows.Concat(table.Columns).Any(i => i.Name == names[0].Text) && binder.FindFact(names) is { } fact)
            {
                return BindFact(reference, fact);
            }

            var target = table;
            if (!table.Rows.Concat(table.Columns).Any(i => i.Name == names[0].Text) && binder._allTables.FirstOrDefault(t => t.Name == names[0].Text) is { } other)
            {
                target = other;
                names.RemoveAt(0);
                if (names.Count == 0)
                {
                    binder.Report(DiagnosticCatalog.IncompleteReference(_source, reference.Span, reference.Row.DisplayText, missingRow: true));
                    return new BoundErrorExpression();
                }
            }

            AxisItemSymbol? row;
            AxisItemSymbol? column = null;
            if (scopeGroup is not null && ReferenceEquals(target, table) && reference.Column is null && Walk(scopeGroup.Children, names).Item is { } inScope)
            {
                // Under "for each group in (...)", a name is read inside the current group first.
                row = inScope.Axis == Axis.Row ? inScope : null;
                column = inScope.Axis == Axis.Column ? inScope : null;
            }
            else if (reference.Column is { } columnPath)
            {
                row = binder.ResolveItem(target, names, reference.Row.Span, reference.Row.DisplayText, Axis.Row);
                column = binder.ResolveItem(target, columnPath, Axis.Column);
                if (row is null || column is null)
                {
                    return new BoundErrorExpression();
                }
            }
            else
            {
                var (asRow, rowFailedAt) = Walk(target.Rows, names);
                var (asColumn, columnFailedAt) = Walk(target.Columns, names);
                if (asRow is null && asColumn is null)
                {
                    var failedAxis = rowFailedAt >= columnFailedAt ? Axis.Row : Axis.Column;
                    binder.ReportUnknown(target, names, Axis.Row, failedAxis, Math.Max(rowFailedAt, columnFailedAt), includeTables: ReferenceEquals(target, table));
                    return new BoundErrorExpression();
                }

                // A name that is both a row and a column means the row, unless the rule ranges over rows.
                row = asRow is not null && !(asColumn is not null && _rowQuantifier is not null) ? asRow : null;
                column = row is null ? asColumn : null;
            }

            var rows = Select(target, row, Axis.Row, reference, isSum);
            var columns = Select(target, column, Axis.Column, reference, isSum);
            if (rows is null || columns is null)
            {
                return new BoundErrorExpression();
            }

            var quantified = rows.Value.Fixed is null || columns.Value.Fixed is null;
            var type = CheckCells(target, rows.Value.Items, columns.Value.Items, reference, isSum, quantified);
            if (type.Kind == ValueKind.Amount && quantified)
            {
                type = PerItemUnits(target, rows.Value, columns.Value, type, reference.Span);
            }
            return new BoundCells(target, rows.Value.Fixed, columns.Value.Fixed, reference.PreviousKeyword is not null, isSum, type);
        }

        private BoundExpression BindFact(CellReferenceSyntax reference, FactSymbol fact)
        {
            if (reference.Column is { } column)
            {
                binder.Report(DiagnosticCatalog.FactWithColumn(_source, column.Span, $"{fact.Section.Name}.{fact.Name}"));
                return new BoundErrorExpression();
            }

            if (reference.PreviousKeyword is { } previous)
            {
                binder.Report(DiagnosticCatalog.PreviousFact(_source, previous.Span, $"{fact.Section.Name}.{fact.Name}"));
                return new BoundErrorExpression();
            }

            var cell = fact.Cell;
            _maxPrecision = Math.Max(_maxPrecision, cell.Type.Precision);
            return new BoundCells(cell.Table, [cell.Row], [cell.Column], IsPrevious: false, IsSum: false, ExpressionType.Of(cell.Type));
        }

        /// <summary>
        /// Works out which items of one axis a reference covers: the item written, the quantifier's current item, or the
        /// table's only item. Returns the fixed list (null for "current") and every item it can stand for.
        /// </summary>
        private (ImmutableArray<AxisItemSymbol>? Fixed, ImmutableArray<AxisItemSymbol> Items)? Select(
            TableSymbol target, AxisItemSymbol? written, Axis axis, CellReferenceSyntax reference, bool isSum)
        {
            if (written is not null)
            {
                if (!isSum && !written.HoldsValues && written.IsGroup)
                {
                    binder.Report(DiagnosticCatalog.GroupReference(_source, reference.Span, written.Path));
                    return null;
                }

                if (written.IsHeader)
                {
                    binder.Report(DiagnosticCatalog.HeaderReference(_source, reference.Span, written.Path));
                    return null;
                }

                // sum() never counts a value twice: a group with values stands for its parts, and subtotals are left out.
                ImmutableArray<AxisItemSymbol> items = isSum && written.IsGroup ? [.. written.Children.SelectMany(c => c.Summands())] : [written];
                return (items, items);
            }

            var quantifier = axis == Axis.Row ? _rowQuantifier : _columnQuantifier;
            if (quantifier is not null)
            {
                if (!ReferenceEquals(target, table))
                {
                    var mapped = quantifier.Items.Select(i => target.FindItem(axis, i.Path)).ToList();
                    if (mapped.Any(m => m is null || !m.HoldsValues))
                    {
                        binder.Report(DiagnosticCatalog.QuantifierShapeMismatch(_source, reference.Span, axis == Axis.Row, reference.Row.DisplayText, target.Name));
                        return null;
                    }

                    MarkUsed(axis);
                    return (null, [.. mapped.OfType<AxisItemSymbol>()]);
                }

                MarkUsed(axis);
                return (null, quantifier.Items);
            }

            if (_failedQuantifiers.Contains(axis))
            {
                // The quantifier this reference leans on was reported already.
                return null;
            }

            var values = axis == Axis.Row ? target.ValueRows : target.ValueColumns;
            if (values.Length == 1)
            {
                return (values, values);
            }

            binder.Report(DiagnosticCatalog.IncompleteReference(_source, reference.Span, reference.Row.DisplayText, missingRow: axis == Axis.Row));
            return null;
        }

        private void MarkUsed(Axis axis)
        {
            if (axis == Axis.Row)
            {
                _usesCurrentRow = true;
            }
            else
            {
                _usesCurrentColumn = true;
            }
        }

        private ExpressionType CheckCells(TableSymbol target, ImmutableArray<AxisItemSymbol> rows, ImmutableArray<AxisItemSymbol> columns, CellReferenceSyntax reference, bool isSum, bool quantified)
        {
            ExpressionType? type = null;
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    var cell = target.GetCell(row, column);
                    if (cell is null)
                    {
                        if (!isSum)
                        {
                            binder.Report(DiagnosticCatalog.AbsentCellReference(_source, reference.Span, $"{target.Name}.{row.Path}[{column.Path}]"));
                            return ExpressionType.Error;
                        }

                        continue;
                    }

                    if (_bindingPresence)
                    {
                        // Whether a cell has a value is a question of any type.
                        continue;
                    }

                    if (cell.Type.Kind == CellTypeKind.Text)
                    {
                        binder.Report(DiagnosticCatalog.TextInArithmetic(_source, reference.Span, cell.Id));
                        return ExpressionType.Error;
                    }

                    if (!cell.Type.IsNumeric)
                    {
                        binder.Report(DiagnosticCatalog.NotANumberType(_source, reference.Span, cell.Id, cell.Type.ToString()));
                        return ExpressionType.Error;
                    }

                    _maxPrecision = Math.Max(_maxPrecision, cell.Type.Precision);
                    var cellType = ExpressionType.Of(cell.Type);
                    // Under a quantifier, units may differ from one quantified item to the next (PerItemUnits).
                    if (type is { } known && known != cellType && !(quantified && known.Kind == ValueKind.Amount && cellType.Kind == ValueKind.Amount))
                    {
                        return Combine(known, cellType, leftIsConstant: false, rightIsConstant: false, reference.Span);
                    }

                    type = cellType;
                }
            }

            return type ?? new ExpressionType(ValueKind.Whole);
        }

        /// <summary>The type of combining two operands with + or -, or comparing them; reports what does not fit.</summary>
        private ExpressionType Combine(ExpressionType left, ExpressionType right, bool leftIsConstant, bool rightIsConstant, TextSpan span)
        {
            if (left.Kind == ValueKind.Error || right.Kind == ValueKind.Error)
            {
                return ExpressionType.Error;
            }

            if (left.Kind == right.Kind && left.Kind == ValueKind.Whole)
            {
                return left;
            }

            if (left.Kind == ValueKind.Amount && right.Kind == ValueKind.Amount)
            {
                if (left.Unit is not null && right.Unit is not null && left.Unit != right.Unit)
                {
                    return CombineUnits(left.Unit, right.Unit, span);
                }

                return new ExpressionType(ValueKind.Amount, left.Unit ?? right.Unit);
            }

            // A number written in the rule fits either side; a count or integer cell needs amount(...).
            if ((left.Kind == ValueKind.Whole && leftIsConstant) || (right.Kind == ValueKind.Whole && rightIsConstant))
            {
                return left.Kind == ValueKind.Amount ? left : right;
            }

            binder.Report(DiagnosticCatalog.IncompatibleOperands(_source, span, Describe(left), Describe(right)));
            return ExpressionType.Error;
        }

        private static bool IsConstant(BoundExpression expression) => expression switch
        {
            BoundNumber => true,
            BoundAdditive additive => additive.Terms.All(t => IsConstant(t.Operand)),
            BoundBinary binary => IsConstant(binary.Left) && IsConstant(binary.Right),
            BoundNegation negation => IsConstant(negation.Operand),
            BoundFunction function => function.Arguments.All(IsConstant),
            _ => false,
        };

        private static LocalizableText Describe(ExpressionType type) => type.Kind switch
        {
            ValueKind.Amount when type.Unit is not null => new LocalizableText("Type_AmountIn", Display(type.Unit)),
            ValueKind.Amount => new LocalizableText("Type_Amount"),
            ValueKind.Text => new LocalizableText("Type_Text"),
            _ => new LocalizableText("Type_Integer"),
        };
    }
}
