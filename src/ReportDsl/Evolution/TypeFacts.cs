using ReportDsl.Semantics;

namespace ReportDsl.Evolution;

/// <summary>Whether a change of a cell's type keeps every value that was valid before valid, with the same meaning.</summary>
internal static class TypeFacts
{
    /// <summary>
    /// Whether every value of the old type is a value of the new one: count to integer, more decimals in the same unit, a
    /// wider range, a pattern dropped, more enum words. A new or changed pattern cannot be compared and is not widening;
    /// nor is a new, changed or dropped default, since what a blank cell means changes.
    /// </summary>
    public static bool IsWidening(CellType old, CellType @new)
    {
        var kind = (old.Kind, @new.Kind) switch
        {
            (CellTypeKind.Count, CellTypeKind.Integer) => true,
            (CellTypeKind.Amount, CellTypeKind.Amount) or (CellTypeKind.Percent, CellTypeKind.Percent) => old.Unit == @new.Unit && @new.Precision >= old.Precision,
            (CellTypeKind.Enum, CellTypeKind.Enum) => old.Words.All(@new.Words.Contains),
            var (a, b) => a == b,
        };
        var range = (@new.Minimum is not { } low || (old.Minimum is { } oldLow && oldLow >= low))
            && (@new.Maximum is not { } high || (old.Maximum is { } oldHigh && oldHigh <= high));
        var pattern = @new.Pattern is null || @new.Pattern == old.Pattern;
        return kind && range && pattern && old.Default == @new.Default;
    }
}
