using System.Collections.Immutable;

namespace ReportDsl.Validation;

/// <summary>A report's findings up to a cap, and how many more there were (counted, not described).</summary>
/// <param name="Findings">The findings described, in order: those found while reading, then the rules'.</param>
/// <param name="Omitted">How many findings were past the cap.</param>
/// <param name="OmittedErrors">How many of the omitted findings were errors.</param>
public sealed record FindingList(ImmutableArray<Finding> Findings, int Omitted, int OmittedErrors)
{
    /// <summary>No findings at all.</summary>
    public static FindingList Empty { get; } = new([], 0, 0);
}
