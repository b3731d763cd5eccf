namespace ReportDsl.Validation;

/// <summary>What checking one rule instance gave.</summary>
public enum RuleStatus : byte
{
    /// <summary>The comparison holds.</summary>
    Holds,

    /// <summary>The comparison does not hold.</summary>
    Broken,

    /// <summary>An operand has no value; <see cref="RuleOutcome.Cell"/> names it.</summary>
    Missing,

    /// <summary>An operand holds an invalid value, already reported.</summary>
    Invalid,

    /// <summary>A sum overflowed.</summary>
    Overflow,

    /// <summary>The rule reads last year's report and none was given.</summary>
    NotApplicable,

    /// <summary>A divisor is 0; <see cref="RuleOutcome.Divisor"/> says which (RD3160).</summary>
    DivisionByZero,
}

/// <summary>
/// The outcome of one rule instance: a struct, so a clean check allocates nothing. For
/// <see cref="RuleStatus.DivisionByZero"/>, <c>Divisor</c> is the index of the divisor among <see cref="Semantics.RuleInstance.Divisors"/>.
/// </summary>
public readonly record struct RuleOutcome(RuleStatus Status, decimal Left = 0, decimal Right = 0, int Cell = -1, bool CellIsPrevious = false, int Divisor = -1)
{
    /// <summary>The comparison holds.</summary>
    public static readonly RuleOutcome Holds = new(RuleStatus.Holds);
}
