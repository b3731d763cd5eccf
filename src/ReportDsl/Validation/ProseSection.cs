namespace ReportDsl.Validation;

/// <summary>
/// The text of one section of a report, such as 一、总体情况: what the facts of the section are read from. The
/// location is where the text begins in the document it was read from, when it was read from one.
/// </summary>
public sealed record ProseSection(string Section, string Text, FindingLocation? Location = null, string? Heading = null);
