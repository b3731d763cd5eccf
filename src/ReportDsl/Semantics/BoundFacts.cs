namespace ReportDsl.Semantics;

/// <summary>Questions about bound expressions that several phases ask.</summary>
public static class BoundFacts
{
    /// <summary>
    /// Whether an expression is a linear combination of cells: numbers, cells, sums, <c>+</c>, <c>-</c> and
    /// <c>amount(...)</c>. Products, quotients, a minus inside a term and functions are not, even by a constant.
    /// </summary>
    public static bool IsLinear(BoundExpression expression) => expression switch
    {
        BoundNumber or BoundCells or BoundErrorExpression => true,
        BoundAmountConversion conversion => IsLinear(conversion.Operand),
        BoundAdditive additive => additive.Terms.All(t => IsLinear(t.Operand)),
        _ => false,
    };

    /// <summary>Whether an expression divides.</summary>
    public static bool Divides(BoundExpression expression) => expression switch
    {
        BoundBinary binary => binary.Operator == ArithmeticOperator.Divide || Divides(binary.Left) || Divides(binary.Right),
        BoundNegation negation => Divides(negation.Operand),
        BoundAmountConversion conversion => Divides(conversion.Operand),
        BoundAdditive additive => additive.Terms.Any(t => Divides(t.Operand)),
        BoundFunction function => function.Arguments.Any(Divides),
        _ => false,
    };
}
