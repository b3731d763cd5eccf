namespace ReportDsl.Rendering.Templates;

/// <summary>Where templates come from: a name such as <c>table.md</c> gives the text of <c>table.md.sbn</c> and the path diagnostics name.</summary>
public interface ITemplateSource
{
    /// <summary>Finds a template by name; false when this source has none.</summary>
    bool TryGet(string name, out TemplateFile template);

    /// <summary>Gets a description of where the source looks, for messages.</summary>
    string Description { get; }
}

/// <summary>A template's text and the path diagnostics name.</summary>
/// <param name="Path">The path (a file, or <c>bundled:name.sbn</c>).</param>
/// <param name="Text">The template text.</param>
public sealed record TemplateFile(string Path, string Text);
