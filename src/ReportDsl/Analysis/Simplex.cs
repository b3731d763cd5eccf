using System.Collections.Immutable;
using Fractions;

namespace ReportDsl.Analysis;

/// <summary>One row of a linear program: <c>Σ a·x = b</c> or <c>Σ a·x &lt;= b</c>.</summary>
internal sealed record LpRow(IReadOnlyDictionary<int, Fraction> Coefficients, bool IsEquality, Fraction Rhs);

/// <summary>How a linear program ended.</summary>
internal enum LpStatus
{
    /// <summary>No point satisfies the rows; <see cref="LpResult.Support"/> is a Farkas certificate's rows.</summary>
    Infeasible,

    /// <summary>The objective grows without bound.</summary>
    Unbounded,

    /// <summary>The maximum was found; <see cref="LpResult.Support"/> is the rows with a non-zero dual value.</summary>
    Optimal,

    /// <summary>The work budget ran out first.</summary>
    OutOfSteps,
}

/// <summary>The end of a linear program: its status, the maximum when optimal, and the rows a certificate uses.</summary>
internal sealed record LpResult(LpStatus Status, Fraction Value, ImmutableArray<int> Support);

/// <summary>
/// An exact two-phase simplex over rationals with Bland's rule, so it never cycles and never rounds. Every row carries
/// its own artificial column to the end, so that the final reduced costs of those columns are the dual values: which
/// rows prove infeasibility (phase one) or bound the maximum (phase two). The tableau is dense, but a pivot touches only
/// the non-zero entries of its row and column, which for rule systems (coefficients ±1, few cells per rule) are few.
/// </summary>
internal sealed class Simplex
{
    private readonly Fraction[][] _t;
    private readonly Fraction[] _b;
    private readonly int[] _basis;
    private readonly Fraction[] _d;
    private readonly int _artificial;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[] _variableColumn;
    private readonly int[] _negativeColumn;
    private readonly WorkBudget _budget;

    private Simplex(IReadOnlyList<LpRow> rows, IReadOnlyList<bool> nonNegative, WorkBudget budget)
    {
        _budget = budget;
        _rows = rows.Count;
        _variableColumn = new int[nonNegative.Count];
        _negativeColumn = new int[nonNegative.Count];
        var column = 0;
        for (var v = 0; v < nonNegative.Count; v++)
        {
            _variableColumn[v] = column++;
            _negativeColumn[v] = nonNegative[v] ? -1 : column++;
        }

        var slacks = rows.Count(r => !r.IsEquality);
        _artificial = column + slacks;
        _columns = _artificial + _rows;
        _t = new Fraction[_rows][];
        _b = new Fraction[_rows];
        _basis = new int[_rows];
        _d = new Fraction[_columns];
        var slack = column;
        for (var i = 0; i < _rows; i++)
        {
            var row = new Fraction[_columns];
            Array.Fill(row, Fraction.Zero);
            var flip = rows[i].Rhs.IsNegative;
            foreach (var (variable, coefficient) in rows[i].Coefficients)
            {
                row[_variableColumn[variable]] = flip ? -coefficient : coefficient;
                if (_negativeColumn[variable] >= 0)
                {
                    row[_negativeColumn[variable]] = flip ? coefficient : -coefficient;
                }
            }

            if (!rows[i].IsEquality)
            {
                row[slack++] = flip ? Fraction.MinusOne : Fraction.One;
            }

            row[_artificial + i] = Fraction.One;
            _t[i] = row;
            _b[i] = flip ? -rows[i].Rhs : rows[i].Rhs;
            _basis[i] = _artificial + i;
        }
    }

    /// <summary>Decides whether the rows have a solution with the non-negative variables at or above zero.</summary>
    public static LpResult Feasibility(IReadOnlyList<LpRow> rows, IReadOnlyList<bool> nonNegative, WorkBudget budget) =>
        Maximize(rows, nonNegative, null, budget);

    /// <summary>Maximizes <c>Σ c·x</c> over the rows (with no objective: only decides feasibility).</summary>
    public static LpResult Maximize(IReadOnlyList<LpRow> rows, IReadOnlyList<bool> nonNegative, IReadOnlyDictionary<int, Fraction>? objective, WorkBudget budget)
    {
        var simplex = new Simplex(rows, nonNegative, budget);
        return simplex.Run(objective);
    }

    private LpResult Run(IReadOnlyDictionary<int, Fraction>? objective)
    {
        // Phase one: minimize the sum of the artificial variables.
        for (var j = 0; j < _columns; j++)
        {
            var sum = Fraction.Zero;
            if (j < _artificial)
            {
                for (var i = 0; i < _rows; i++)
                {
                    sum -= _t[i][j];
                }
            }

            _d[j] = sum;
        }

        if (!Iterate())
        {
            return new LpResult(LpStatus.OutOfSteps, Fraction.Zero, []);
        }

        var infeasibility = Fraction.Zero;
        for (var i = 0; i < _rows; i++)
        {
            if (_basis[i] >= _artificial)
            {
                infeasibility += _b[i];
            }
        }

        if (infeasibility.IsPositive)
        {
            // The dual value of row i is 1 minus the reduced cost of its artificial column.
            return new LpResult(LpStatus.Infeasible, Fraction.Zero, [.. Enumerable.Range(0, _rows).Where(i => !(Fraction.One - _d[_artificial + i]).IsZero)]);
        }

        DriveOutArtificials();
        if (objective is null)
        {
            return new LpResult(LpStatus.Optimal, Fraction.Zero, []);
        }

        // Phase two: minimize -objective, with the artificial columns barred from entering.
        var cost = new Fraction[_columns];
        Array.Fill(cost, Fraction.Zero);
        foreach (var (variable, coefficient) in objective)
        {
            cost[_variableColumn[variable]] = -coefficient;
            if (_negativeColumn[variable] >= 0)
            {
                cost[_negativeColumn[variable]] = coefficient;
            }
        }

        for (var j = 0; j < _columns; j++)
        {
            var d = cost[j];
            for (var i = 0; i < _rows; i++)
            {
                if (!cost[_basis[i]].IsZero && !_t[i][j].IsZero)
                {
                    d -= cost[_basis[i]] * _t[i][j];
                }
            }

            _d[j] = d;
        }

        var entering = 0;
        while (true)
        {
            entering = Entering();
            if (entering < 0)
            {
                break;
            }

            var leaving = Leaving(entering);
            if (leaving < 0)
            {
                return new LpResult(LpStatus.Unbounded, Fraction.Zero, []);
            }

            if (!Pivot(leaving, entering))
            {
                return new LpResult(LpStatus.OutOfSteps, Fraction.Zero, []);
            }
        }

        var value = Fraction.Zero;
        for (var i = 0; i < _rows; i++)
        {
            value -= cost[_basis[i]] * _b[i];
        }

        return new LpResult(LpStatus.Optimal, value, [.. Enumerable.Range(0, _rows).Where(i => !_d[_artificial + i].IsZero)]);
    }

    private bool Iterate()
    {
        while (Entering() is var entering and >= 0)
        {
            // Phase one is bounded below by zero, so a column without a positive entry cannot be chosen here.
            var leaving = Leaving(entering);
            if (leaving < 0 || !Pivot(leaving, entering))
            {
                return false;
            }
        }

        return true;
    }

    // Bland's rule: the first column with a negative reduced cost; the artificial columns never enter.
    private int Entering()
    {
        for (var j = 0; j < _artificial; j++)
        {
            if (_d[j].IsNegative)
            {
                return j;
            }
        }

        return -1;
    }

    // The least ratio b_i / t_is over positive t_is; ties go to the row whose basic column comes first (Bland).
    private int Leaving(int entering)
    {
        var best = -1;
        var bestRatio = Fraction.Zero;
        for (var i = 0; i < _rows; i++)
        {
            var entry = _t[i][entering];
            if (!entry.IsPositive)
            {
                continue;
            }

            var ratio = _b[i] / entry;
            var order = best < 0 ? -1 : ratio.CompareTo(bestRatio);
            if (order < 0 || (order == 0 && _basis[i] < _basis[best]))
            {
                best = i;
                bestRatio = ratio;
            }
        }

        return best;
    }

    // After phase one an artificial variable may still be basic at zero; it leaves through any non-zero entry of its
    // row, or the row is a combination of the others and stays as it is (all zero outside the artificial columns).
    private void DriveOutArtificials()
    {
        for (var i = 0; i < _rows; i++)
        {
            if (_basis[i] < _artificial)
            {
                continue;
            }

            for (var j = 0; j < _artificial; j++)
            {
                if (!_t[i][j].IsZero)
                {
                    Pivot(i, j);
                    break;
                }
            }
        }
    }

    private bool Pivot(int r, int s)
    {
        var row = _t[r];
        var pivot = row[s];
        var nonZero = new List<int>();
        for (var j = 0; j < _columns; j++)
        {
            if (!row[j].IsZero)
            {
                row[j] /= pivot;
                nonZero.Add(j);
            }
        }

        _b[r] /= pivot;
        var touched = 1;
        for (var i = 0; i < _rows; i++)
        {
            var factor = _t[i][s];
            if (i == r || factor.IsZero)
            {
                continue;
            }

            touched++;
            var target = _t[i];
            foreach (var j in nonZero)
            {
                target[j] -= factor * row[j];
            }

            _b[i] -= factor * _b[r];
        }

        var reduced = _d[s];
        if (!reduced.IsZero)
        {
            foreach (var j in nonZero)
            {
                _d[j] -= reduced * row[j];
            }
        }

        _basis[r] = s;
        return _budget.Spend((long)touched * nonZero.Count);
    }
}

/// <summary>The work an analysis may do, counted in tableau entries updated, shared by every linear program of a format.</summary>
internal sealed class WorkBudget(long limit)
{
    /// <summary>Gets the limit.</summary>
    public long Limit { get; } = limit;

    /// <summary>Gets the work done so far.</summary>
    public long Spent { get; private set; }

    /// <summary>Gets whether the budget ran out.</summary>
    public bool Exhausted => Spent > Limit;

    /// <summary>Counts work; false once the budget is exceeded.</summary>
    public bool Spend(long work)
    {
        Spent += work;
        return !Exhausted;
    }
}
