using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ReportDsl.Semantics;

/// <summary>A cell with a coefficient; <see cref="IsPrevious"/> reads the cell from last year's report.</summary>
public sealed record LinearTerm(CellSymbol Cell, int Coefficient, bool IsPrevious);

/// <summary>A side of a concrete comparison: a constant plus cells with coefficients, the form every rule reduces to.</summary>
public sealed record LinearCombination(ImmutableArray<LinearTerm> Terms, decimal Constant)
{
    /// <summary>Gets the combination with no cells and 0: what a side that is not linear has as its linear form.</summary>
    public static LinearCombination Empty { get; } = new([], 0m);

    /// <summary>Reduces a bound expression at a quantified row and column to a linear combination.</summary>
    public static LinearCombination From(BoundExpression expression, TableSymbol ruleTable, AxisItemSymbol? row, AxisItemSymbol? column)
    {
        var terms = new List<LinearTerm>();
        var constant = 0m;
        Accumulate(expression, 1);

        // Like terms are merged and cancelled terms dropped, so that "sum(g) - g.total" means what it says.
        var merged = terms
            .GroupBy(t => (t.Cell, t.IsPrevious))
            .Select(g => g.First() with { Coefficient = g.Sum(t => t.Coefficient) })
            .Where(t => t.Coefficient != 0);
        return new LinearCombination([.. merged], constant);

        void Accumulate(BoundExpression e, int sign)
        {
            switch (e)
            {
                case BoundNumber number:
                    constant += sign * number.Value;
                    break;
                case BoundAmountConversion conversion:
                    Accumulate(conversion.Operand, sign);
                    break;
                case BoundAdditive additive:
                    foreach (var term in additive.Terms)
                    {
                        Accumulate(term.Operand, sign * term.Sign);
                    }

                    break;
                case BoundCells cells:
                    foreach (var r in Resolve(cells.Table, cells.Rows, row, Axis.Row))
                    {
                        foreach (var c in Resolve(cells.Table, cells.Columns, column, Axis.Column))
                        {
                            if (cells.Table.GetCell(r, c) is { } cell)
                            {
                                terms.Add(new LinearTerm(cell, sign, cells.IsPrevious));
                            }
                        }
                    }

                    break;
            }
        }

        IEnumerable<AxisItemSymbol> Resolve(TableSymbol table, ImmutableArray<AxisItemSymbol>? fixedItems, AxisItemSymbol? current, Axis axis)
        {
            if (fixedItems is { } items)
            {
                return items;
            }

            if (current is null)
            {
                return [];
            }

            // The quantified item belongs to the rule's table; another table's item is the one with the same path.
            return ReferenceEquals(table, ruleTable) ? [current] : table.FindItem(axis, current.Path) is { } match ? [match] : [];
        }
    }

    /// <summary>Writes the combination as <c>a + b - c + 3</c>, with cell identifiers.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var term in Terms)
        {
            builder.Append(builder.Length == 0 ? (term.Coefficient < 0 ? "-" : string.Empty) : term.Coefficient < 0 ? " - " : " + ");
            if (Math.Abs(term.Coefficient) != 1)
            {
                builder.Append(Math.Abs(term.Coefficient).ToString(CultureInfo.InvariantCulture)).Append('*');
            }

            builder.Append(term.IsPrevious ? "previous " : string.Empty).Append(term.Cell.Id);
        }

        if (Constant != 0 || builder.Length == 0)
        {
            builder.Append(builder.Length == 0 ? string.Empty : Constant < 0 ? " - " : " + ")
                .Append((builder.Length == 0 ? Constant : Math.Abs(Constant)).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
