using System.Globalization;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

/// <summary>Conditions over text, date, boolean and enum cells: a cell compared with a written value or a cell of its type.</summary>
internal sealed partial class Binder
{
    private sealed partial class RuleBinder
    {
        /// <summary>
        /// A comparison in a condition that involves a written string, or a cell that holds no number: bound as a value
        /// test. Null for a comparison of numbers, which is bound as arithmetic (what binding the references here
        /// reported is taken back, and reported again there).
        /// </summary>
        private BoundCondition? BindValueTest(ComparisonSyntax comparison)
        {
            var start = binder._diagnostics.Count;
            var left = new Operand(comparison.Left);
            var right = new Operand(comparison.Right);
            left.Cells = comparison.Left is CellReferenceSyntax l && left.Truth is null ? BindAnyCell(l) : null;
            right.Cells = comparison.Right is CellReferenceSyntax r && right.Truth is null ? BindAnyCell(r) : null;

            // A lone true or false is a written value beside a boolean cell, else a name.
            foreach (var (side, other) in new[] { (left, right), (right, left) })
            {
                if (side.Truth is { } truth && other.Kind == CellTypeKind.Boolean)
                {
                    side.Literal = truth;
                }
                else if (side.Truth is not null && side.Syntax is CellReferenceSyntax reference)
                {
                    side.Cells = BindAnyCell(reference);
                }
            }

            if (left.Literal is null && right.Literal is null && !left.HoldsNoNumber && !right.HoldsNoNumber)
            {
                binder._diagnostics.RemoveRange(start, binder._diagnostics.Count - start);
                return null;
            }

            var op = Operator(comparison.Operator.Kind);
            if (left.Cells is null && left.Literal is not null && right.Cells is not null)
            {
                // "value" op cell reads as cell op' value.
                (left, right) = (right, left);
                op = ConditionFacts.Mirror(op);
            }

            if (left.Failed || right.Failed)
            {
                return Unbound();
            }

            var kind = left.Kind;
            var matches = right.Literal is not null || (right.Cells is not null && right.Kind == kind);
            if (left.Cells is not { } subject || kind is null || !matches)
            {
                binder.Report(DiagnosticCatalog.ValueTestMismatch(_source, comparison.Span, Describe(left), Describe(right)));
                return Unbound();
            }

            if (kind != CellTypeKind.Date && op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
            {
                binder.Report(DiagnosticCatalog.ValueTestOperator(_source, comparison.Operator.Span, ComparisonOperatorFacts.Symbol(op), kind.Value.ToString().ToLowerInvariant()));
                return Unbound();
            }

            string? literal = null;
            if (right.Literal is { } written)
            {
                literal = Normalize(kind.Value, written, left.AllCells);
                if (literal is null)
                {
                    var first = left.AllCells[0];
                    binder.Report(DiagnosticCatalog.InvalidTestValue(_source, right.Syntax.Span, InstanceValueTest.Quote(written), first.Id, first.Type.ToString()));
                    return Unbound();
                }
            }

            return new BoundValueTest(subject, op, right.Literal is null ? right.Cells : null, literal, kind.Value);

            BoundCondition Unbound() => new BoundLogical(IsAnd: true, []);
        }

        /// <summary>A written value in the form the validators compare it in; null when it is no value of the cells' type.</summary>
        private static string? Normalize(CellTypeKind kind, string written, List<CellSymbol> cells) => kind switch
        {
            CellTypeKind.Date => ValueFacts.Date(written) is { } day ? day.ToString(ValueFacts.DateFormats[0], CultureInfo.InvariantCulture) : null,
            CellTypeKind.Boolean => ValueFacts.Boolean(written) is { } truth ? (truth ? "true" : "false") : null,
            CellTypeKind.Enum => cells.All(c => c.Type.Words.Contains(written.Trim())) ? written.Trim() : null,
            _ => written,
        };

        private object Describe(Operand operand)
        {
            if (operand.Literal is { } literal)
            {
                return InstanceValueTest.Quote(literal);
            }

            if (operand.AllCells.Count > 0)
            {
                var types = operand.AllCells.Select(c => c.Type.ToString()).Distinct().ToList();
                return operand.AllCells[0].Id + " (" + string.Join(", ", types) + ")";
            }

            // Not a lone cell: an expression, bound here for its own diagnostics and its type.
            return Describe(operand.Cells is null ? BindExpression(operand.Syntax).Type : new ExpressionType(ValueKind.Whole));
        }

        /// <summary>A cell reference of any type, as the target of <c>present</c> is read.</summary>
        private BoundCells? BindAnyCell(CellReferenceSyntax reference)
        {
            if (reference.Row.Names.Any(n => n.IsMissing) || reference.Column?.Names.Any(n => n.IsMissing) == true)
            {
                return null;
            }

            _bindingPresence = true;
            try
            {
                return BindReference(reference, isSum: false) as BoundCells;
            }
            finally
            {
                _bindingPresence = false;
            }
        }

        /// <summary>One side of a comparison in a condition, as far as a value test is concerned.</summary>
        private sealed class Operand(ExpressionSyntax syntax)
        {
            public ExpressionSyntax Syntax { get; } = syntax;

            /// <summary>A lone <c>true</c> or <c>false</c>, which may be a written value.</summary>
            public string? Truth { get; } = syntax is CellReferenceSyntax { PreviousKeyword: null, Column: null } reference
                && reference.Row.Names.Count() == 1 && reference.Row.Names.First().Text is "true" or "false"
                    ? reference.Row.Names.First().Text
                    : null;

            public string? Literal { get; set; } = syntax is StringExpressionSyntax text && !text.Value.IsMissing ? text.Value.ValueText : null;

            public BoundCells? Cells
            {
                get;
                set
                {
                    field = value;
                    AllCells = value is null ? [] : [.. ConditionFacts.CellsOf(value)];
                }
            }

            public List<CellSymbol> AllCells { get; private set; } = [];

            /// <summary>A string whose token is missing, or a reference that did not bind: already reported.</summary>
            public bool Failed => (Syntax is StringExpressionSyntax && Literal is null) || (Syntax is CellReferenceSyntax && Literal is null && Cells is null);

            /// <summary>The one kind of the cells, or null when they are numbers or of several kinds.</summary>
            public CellTypeKind? Kind => AllCells.Select(c => c.Type.Kind).Distinct().ToList() is [var only] && !IsNumber(only) ? only : null;

            /// <summary>Whether some cell holds no number: the comparison is a value test (or a mistake).</summary>
            public bool HoldsNoNumber => AllCells.Any(c => !IsNumber(c.Type.Kind));

            private static bool IsNumber(CellTypeKind kind) => kind is CellTypeKind.Count or CellTypeKind.Integer or CellTypeKind.Amount or CellTypeKind.Percent;
        }
    }
}
