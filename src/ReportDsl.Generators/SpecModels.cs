namespace ReportDsl.Generators;

/// <summary>A spec as the build gives it: its path, its text, and the namespace its item asks for (null for the default).</summary>
internal sealed record SpecInput(string Path, string Text, string? Namespace)
{
    /// <summary>
    /// Gets the other specs of the project that this one extends or revises (and theirs, in turn), by path and text:
    /// they are compiled beside it as references, so that an edit to one of them compiles this spec again too.
    /// </summary>
    public EquatableArray<SpecReference> References { get; init; } = new([]);
}

/// <summary>A spec compiled as a reference of another: its path and text.</summary>
internal sealed record SpecReference(string Path, string Text);

/// <summary>
/// What one spec compiles to: the generated source (null when the spec has errors), the namespace it went into, and its
/// diagnostics. Strings and numbers only, so that an unchanged spec gives an equal result and the cache holds.
/// </summary>
internal sealed record SpecOutput(string Path, string? Namespace, string? Source, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// A diagnostic of the ReportDsl catalogue, with both translations of its message and its place in the spec, ready to
/// become a compiler diagnostic. Lines and columns are 0-based, as Roslyn counts them.
/// </summary>
internal sealed record DiagnosticInfo(
    string Code,
    ReportDsl.Diagnostics.DiagnosticSeverity Severity,
    string Name,
    string English,
    string Chinese,
    string Path,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    private static readonly System.Globalization.CultureInfo EnglishCulture = System.Globalization.CultureInfo.InvariantCulture;
    private static readonly System.Globalization.CultureInfo ChineseCulture = new("zh-Hans");

    /// <summary>Gets the parts of a catalogue diagnostic that a compiler diagnostic needs.</summary>
    public static DiagnosticInfo From(ReportDsl.Diagnostics.Diagnostic diagnostic)
    {
        var start = diagnostic.Start;
        var end = diagnostic.End;
        return new DiagnosticInfo(
            diagnostic.Code,
            diagnostic.Severity,
            diagnostic.Descriptor.Name,
            diagnostic.GetMessage(EnglishCulture),
            diagnostic.GetMessage(ChineseCulture),
            diagnostic.Path,
            diagnostic.Span.Start,
            diagnostic.Span.Length,
            start.Line - 1,
            start.Column - 1,
            end.Line - 1,
            end.Column - 1);
    }
}
