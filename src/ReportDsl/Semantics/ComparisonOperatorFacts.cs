namespace ReportDsl.Semantics;

/// <summary>How a comparison is written in the language, for printing rules and messages.</summary>
internal static class ComparisonOperatorFacts
{
    /// <summary>Gets the operator as written in a spec.</summary>
    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        _ => "=",
    };
}
