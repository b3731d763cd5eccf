using System.Collections.Immutable;
using Fractions;

namespace ReportDsl.Analysis;

/// <summary>
/// Gauss–Jordan elimination over exact rationals that remembers, for each row of the basis, which equalities it was
/// made of. An equality that reduces to 0 = 0 is implied by the basis, and the combination that reduced it names the
/// equalities that imply it; as the basis rows are independent, that set is the only one within the basis.
/// </summary>
internal sealed class EqualityBasis
{
    private readonly List<BasisRow> _rows = [];
    private readonly WorkBudget _budget;

    public EqualityBasis(WorkBudget budget) => _budget = budget;

    /// <summary>
    /// Adds an equality <c>Σ a·x + c = 0</c>, unless the basis implies it: then returns the equalities (by index) that
    /// imply it, and leaves the basis as it was.
    /// </summary>
    public ImmutableArray<int>? Add(int index, IReadOnlyDictionary<int, Fraction> coefficients, Fraction constant)
    {
        var row = new Dictionary<int, Fraction>(coefficients);
        var combination = new Dictionary<int, Fraction> { [index] = Fraction.One };
        foreach (var basis in _rows)
        {
            if (row.TryGetValue(basis.Pivot, out var factor))
            {
                Subtract(row, basis.Coefficients, factor);
                constant -= factor * basis.Constant;
                Subtract(combination, basis.Combination, factor);
                _budget.Spend(basis.Coefficients.Count + basis.Combination.Count);
            }
        }

        if (row.Count == 0)
        {
            // 0 = -constant: implied when the constant is zero; a non-zero one would be a contradiction, which the
            // feasibility check found first, so it is never added either.
            return [.. combination.Keys.Where(k => k != index).Order()];
        }

        var pivot = row.Keys.Min();
        var scale = row[pivot];
        Scale(row, scale);
        Scale(combination, scale);
        constant /= scale;
        var added = new BasisRow(pivot, row, constant, combination);
        foreach (var basis in _rows)
        {
            if (basis.Coefficients.TryGetValue(pivot, out var factor))
            {
                Subtract(basis.Coefficients, row, factor);
                basis.Constant -= factor * constant;
                Subtract(basis.Combination, combination, factor);
            }
        }

        _rows.Add(added);
        return null;
    }

    /// <summary>
    /// The rows of the basis that fix one variable on its own, <c>x = value</c>, with the equalities (by index) that
    /// give it.
    /// </summary>
    public IEnumerable<(int Variable, Fraction Value, ImmutableArray<int> Equalities)> FixedVariables() =>
        _rows.Where(r => r.Coefficients.Count == 1).Select(r => (r.Pivot, -r.Constant, r.Combination.Keys.Order().ToImmutableArray()));

    private static void Subtract(Dictionary<int, Fraction> target, Dictionary<int, Fraction> source, Fraction factor)
    {
        foreach (var (key, value) in source)
        {
            var result = target.GetValueOrDefault(key, Fraction.Zero) - (factor * value);
            if (result.IsZero)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = result;
            }
        }
    }

    private static void Scale(Dictionary<int, Fraction> target, Fraction divisor)
    {
        foreach (var key in target.Keys.ToList())
        {
            target[key] /= divisor;
        }
    }

    private sealed class BasisRow(int pivot, Dictionary<int, Fraction> coefficients, Fraction constant, Dictionary<int, Fraction> combination)
    {
        public int Pivot { get; } = pivot;

        public Dictionary<int, Fraction> Coefficients { get; } = coefficients;

        public Fraction Constant { get; set; } = constant;

        public Dictionary<int, Fraction> Combination { get; } = combination;
    }
}
