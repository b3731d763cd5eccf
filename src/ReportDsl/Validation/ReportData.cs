using System.Collections.Immutable;

namespace ReportDsl.Validation;

/// <summary>A filled report as read from JSON or a document: which format it follows, its metadata, its values, and what was wrong while reading them.</summary>
public sealed class ReportData
{
    internal ReportData(string path, string formatName, string version, ReportValues values)
    {
        Path = path;
        FormatName = formatName;
        Version = version;
        Values = values;
    }

    /// <summary>Gets the path the data came from.</summary>
    public string Path { get; }

    /// <summary>Gets the declared format identifier.</summary>
    public string FormatName { get; }

    /// <summary>Gets the declared format version.</summary>
    public string Version { get; }

    /// <summary>Gets the agency that published the report, if given.</summary>
    public string? Agency { get; internal init; }

    /// <summary>Gets the report year, if given.</summary>
    public int? Year { get; internal init; }

    /// <summary>Gets the values.</summary>
    public ReportValues Values { get; }

    /// <summary>Finds where each cell's value came from.</summary>
    internal Func<int, FindingLocation?>? Locator { get; init; }

    /// <summary>
    /// Gets the text of the report's sections, in the format's order; empty when the data gives none (report data
    /// without "prose" is table data only, and the checks on the text do not apply to it).
    /// </summary>
    public ImmutableArray<ProseSection> Prose { get; internal init; } = [];

    /// <summary>Gets whether the data states the text of its sections (a document, or report data with "prose").</summary>
    public bool HasProse { get; internal init; }

    /// <summary>Gets the problems found while reading values: wrong types, unknown cells, missing values.</summary>
    public ImmutableArray<Finding> ReadFindings { get; internal init; } = [];

    /// <summary>Gets how many problems found while reading were past the cap on findings and only counted.</summary>
    public int OmittedFindings { get; internal init; }

    /// <summary>Gets how many of <see cref="OmittedFindings"/> were errors.</summary>
    public int OmittedErrors { get; internal init; }

    /// <summary>Gets where a cell's value came from, or null when the report does not have it.</summary>
    public FindingLocation? LocationOf(int cell) => Locator?.Invoke(cell);
}
