using System.Collections.Immutable;
using ReportDsl.Diagnostics;

namespace ReportDsl.Rendering;

/// <summary>The output of a render: the bytes (UTF-8 text, or a .docx package) and the template diagnostics.</summary>
/// <param name="Bytes">The output; empty when a template error stopped the render.</param>
/// <param name="Diagnostics">Template problems (RD40xx), with the template's path, line and column.</param>
public sealed record RenderResult(ReadOnlyMemory<byte> Bytes, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Gets whether the output was written (no error).</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Gets the output as text (for Markdown, HTML and text output).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.Span);
}
