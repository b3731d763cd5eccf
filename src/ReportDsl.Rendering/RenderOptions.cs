using System.Collections.Immutable;
using System.Globalization;

namespace ReportDsl.Rendering;

/// <summary>How to render a report.</summary>
public sealed record RenderOptions
{
    /// <summary>Gets the output kind.</summary>
    public RenderKind Kind { get; init; } = RenderKind.Markdown;

    /// <summary>Gets whether every cell with a finding is marked: a Word comment, an HTML tooltip and list, a Markdown footnote.</summary>
    public bool Annotate { get; init; }

    /// <summary>Gets the narrative text of prose sections, by section identifier (paragraphs separated by line breaks).</summary>
    public ImmutableDictionary<string, string> Narratives { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Gets the publication date printed under the title, if any (never the current date, so output is reproducible).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Gets the culture of finding messages.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Gets an agency's own Word document whose official tables are filled instead of writing a new document (Word output only).</summary>
    public WordTemplate? WordTemplate { get; init; }

    /// <summary>Gets the limits a Scriban template runs under.</summary>
    public TemplateLimits Limits { get; init; } = TemplateLimits.Default;
}

/// <summary>An agency's Word document used as the template: its bytes and the path that diagnostics name.</summary>
/// <param name="Path">The path diagnostics name.</param>
/// <param name="Bytes">The .docx bytes.</param>
public sealed record WordTemplate(string Path, ReadOnlyMemory<byte> Bytes);

/// <summary>The sandbox of a Scriban template: loops, recursion, output size and time.</summary>
/// <param name="LoopIterations">The most iterations of all loops together.</param>
/// <param name="Recursion">The deepest nesting of function calls and includes.</param>
/// <param name="OutputCharacters">The longest output, in UTF-16 characters.</param>
/// <param name="Time">The longest a render may run.</param>
public sealed record TemplateLimits(int LoopIterations, int Recursion, int OutputCharacters, TimeSpan Time)
{
    /// <summary>Gets limits far above what a report needs: 100,000 iterations, depth 32, 16 million characters, 10 seconds.</summary>
    public static TemplateLimits Default { get; } = new(100_000, 32, 16 * 1024 * 1024, TimeSpan.FromSeconds(10));
}
